package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.DomainsChanged;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The knowledge domains that questions are routed to. Admins create them; a domain's owners edit
 * its description and exemplar utterances, which the zero-shot router learns from.
 */
@Stateless
public class DomainService {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
  public static final int MAX_EXEMPLARS = 200;

  /** What an owner may change. Null fields stay as they are. */
  public record DomainUpdate(String name, String description, List<String> exemplars) {}

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject DomainDirectory directory;
  @EJB DomainScope scope;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<DomainsChanged> changed;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<Domain> list() {
    return directory.all();
  }

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Domain get(String key) {
    return find(key);
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public Domain create(String key, String name, String description, List<String> exemplars) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "key must be 2-40 characters of a-z, 0-9 and '-', starting with a letter");
    }
    if (directory.exists(key)) {
      throw new ConflictException("domain '" + key + "' already exists");
    }
    Domain d = new Domain(key, checkName(name), checkDescription(description));
    d.setExemplars(checkExemplars(exemplars == null ? List.of() : exemplars));
    em.persist(d);
    audited.fire(new Audited("DOMAIN_CREATED", "domain", key, name));
    changed.fire(new DomainsChanged(key, "created"));
    return d;
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Domain update(String key, DomainUpdate update) {
    Domain d = find(key);
    scope.require(Role.KNOWLEDGE_OWNER_NAME, key);
    if (update == null) {
      throw new InvalidInputException("send name, description or exemplars");
    }
    if (update.name() != null) {
      d.setName(checkName(update.name()));
    }
    if (update.description() != null) {
      d.setDescription(checkDescription(update.description()));
    }
    if (update.exemplars() != null) {
      d.setExemplars(checkExemplars(update.exemplars()));
    }
    audited.fire(
        new Audited(
            "DOMAIN_UPDATED",
            "domain",
            key,
            (update.description() != null ? "description " : "")
                + (update.exemplars() != null ? update.exemplars().size() + " exemplars" : "")));
    changed.fire(new DomainsChanged(key, "updated"));
    return d;
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Domain setFusionWeights(String key, double keyword, double vector, String detail) {
    return fusionWeights(key, keyword, vector, "DOMAIN_FUSION_TUNED", detail);
  }

  /** Sets both fusion weights back to their defaults, undoing any tuning. */
  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Domain resetFusionWeights(String key) {
    return fusionWeights(
        key,
        Domain.DEFAULT_FUSION_WEIGHT,
        Domain.DEFAULT_FUSION_WEIGHT,
        "DOMAIN_FUSION_RESET",
        "keyword and vector weights back to " + Domain.DEFAULT_FUSION_WEIGHT);
  }

  /** Sets a domain's fusion weights in the caller's scope, audited as {@code action}. */
  private Domain fusionWeights(
      String key, double keyword, double vector, String action, String detail) {
    Domain d = find(key);
    scope.require(Role.KNOWLEDGE_OWNER_NAME, key);
    d.setFusionWeights(keyword, vector);
    audited.fire(new Audited(action, "domain", key, detail));
    changed.fire(new DomainsChanged(key, "fusion weights"));
    return d;
  }

  private Domain find(String key) {
    return directory
        .byKey(key)
        .orElseThrow(() -> new UnknownEntityException("no domain '" + key + "'"));
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name must have 1-200 characters");
    }
    return name.strip();
  }

  private static String checkDescription(String description) {
    if (description == null || description.isBlank() || description.length() > 4000) {
      throw new InvalidInputException("description must have 1-4000 characters");
    }
    return description.strip();
  }

  private static List<String> checkExemplars(List<String> exemplars) {
    if (exemplars.size() > MAX_EXEMPLARS) {
      throw new InvalidInputException("at most " + MAX_EXEMPLARS + " exemplars");
    }
    List<String> clean = new ArrayList<>();
    for (String e : exemplars) {
      if (e == null || e.isBlank() || e.length() > 1000) {
        throw new InvalidInputException("each exemplar must have 1-1000 characters");
      }
      if (!clean.contains(e.strip())) {
        clean.add(e.strip());
      }
    }
    return clean;
  }
}
