package io.infodesk.feedback.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.entity.Escalation;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.feedback.entity.FeedbackGiven;
import io.infodesk.guardrails.boundary.GuardrailService;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Ratings and escalations. Only the employee who asked may rate or escalate an interaction; a
 * second rating updates the first. Comments and notes go through PII redaction before storage.
 */
@Stateless
@DeclareRoles({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
public class FeedbackService {

  public static final String OUT_OF_SCOPE = io.infodesk.routing.entity.RouteLabels.OUT_OF_SCOPE;
  static final int MAX_TEXT = 1000;

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @Resource SessionContext context;
  @Inject GuardrailService guardrails;
  @Inject jakarta.enterprise.event.Event<FeedbackGiven> given;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Feedback rate(long interactionId, String rating, String comment, String correctDomain) {
    Interaction interaction = own(interactionId);
    // the rating's case does not matter: "DOWN" is "down"
    rating = rating == null ? null : rating.strip().toLowerCase(java.util.Locale.ROOT);
    if (!"up".equals(rating) && !"down".equals(rating)) {
      throw new InvalidInputException("rating must be \"up\" or \"down\" (in any case)");
    }
    String cleanComment = text("comment", comment);
    String domain = correctDomain == null || correctDomain.isBlank() ? null : correctDomain.strip();
    if (domain != null && !domain.equals(OUT_OF_SCOPE) && !domains.exists(domain)) {
      throw new InvalidInputException(
          "correctDomain must be a domain key or \"" + OUT_OF_SCOPE + "\"");
    }
    String user = context.getCallerPrincipal().getName();
    Feedback feedback =
        em.createNamedQuery(Feedback.FIND_BY_RATER, Feedback.class)
            .setParameter("interaction", interaction.getId())
            .setParameter("user", user)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  Feedback f = new Feedback(interaction.getId(), user);
                  em.persist(f);
                  return f;
                });
    feedback.rate(rating, cleanComment, domain);
    given.fire(new FeedbackGiven(rating, interaction.getDomainKey()));
    return feedback;
  }

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Escalation escalate(long interactionId, String note) {
    Interaction interaction = own(interactionId);
    String user = context.getCallerPrincipal().getName();
    return em.createNamedQuery(Escalation.FIND_BY_REQUESTER, Escalation.class)
        .setParameter("user", user)
        .getResultStream()
        .filter(
            e -> e.getInteractionId().equals(interaction.getId()) && "OPEN".equals(e.getStatus()))
        .findFirst()
        .orElseGet(
            () -> {
              Escalation e = new Escalation(interaction.getId(), user, text("note", note));
              em.persist(e);
              given.fire(new FeedbackGiven("escalation", interaction.getDomainKey()));
              return e;
            });
  }

  /** Admins see every escalation; everyone else their own. */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<Escalation> escalations(int first, int max) {
    var query =
        context.isCallerInRole(Role.ADMIN_NAME)
            ? em.createNamedQuery(Escalation.FIND_ALL, Escalation.class)
            : em.createNamedQuery(Escalation.FIND_BY_REQUESTER, Escalation.class)
                .setParameter("user", context.getCallerPrincipal().getName());
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** The caller's own rating of an interaction, or null. */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Feedback mine(long interactionId) {
    return em.createNamedQuery(Feedback.FIND_BY_RATER, Feedback.class)
        .setParameter("interaction", interactionId)
        .setParameter("user", context.getCallerPrincipal().getName())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Interaction own(long id) {
    Interaction i = log.find(id).orElse(null);
    if (i == null || !i.getAskedBy().equals(context.getCallerPrincipal().getName())) {
      throw new UnknownEntityException("no interaction " + id + " of yours");
    }
    return i;
  }

  private String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidInputException(name + " must have at most " + MAX_TEXT + " characters");
    }
    // a comment reaches the LLM judge's prompt: the input guard reads it like a question
    if (guardrails.injection(value).isPresent()) {
      throw new InvalidInputException(
          "the "
              + name
              + " reads like an instruction to the assistant; describe what went wrong instead");
    }
    return guardrails.redact(value.strip()).text();
  }
}
