package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.knowledge.control.SourceRegistry;
import io.infodesk.knowledge.control.SourceSteps;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceRetired;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.platform.control.Hashes;
import io.infodesk.platform.control.UploadLimits;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.boundary.DomainScope;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Knowledge owners' sources, only in their domains (admins in all): upload, list, inspect, retire
 * and re-index. Uploads are checked at the door: size, the sniffed type, and duplicates by content
 * hash; then ingestion runs in the background.
 */
@Stateless
public class SourceService {

  /**
   * Refuses an upload of no file or of more than {@link UploadLimits#MAX_FILES} files, before any
   * is read.
   */
  public static void checkFileCount(int files) {
    if (files == 0) {
      throw new InvalidInputException("send at least one part named 'file'");
    }
    if (files > UploadLimits.MAX_FILES) {
      throw new InvalidInputException("send at most " + UploadLimits.MAX_FILES + " files at once");
    }
  }

  /** A page of sources and the total that matched. */
  public record Page(long total, List<Source> sources) {}

  @PersistenceContext EntityManager em;
  @EJB DomainScope scope;
  @Inject SourceSteps steps;
  @EJB IngestionService ingestion;
  @Inject Event<SourceRetired> retired;
  @Inject Event<Audited> audited;
  @Inject SourceRegistry registry;
  @Inject Config config;

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Source upload(String domainKey, String filename, byte[] content) {
    if (domainKey == null || domainKey.isBlank()) {
      throw new InvalidInputException("domain is required");
    }
    scope.require(Role.KNOWLEDGE_OWNER_NAME, domainKey);
    String name = cleanFilename(filename);
    if (content == null || content.length == 0) {
      throw new InvalidInputException("the file is empty");
    }
    long max = UploadLimits.maxBytes(config);
    if (content.length > max) {
      throw new InvalidInputException(
          "the file has " + content.length + " bytes; the limit is " + max);
    }
    String type = IngestionService.PARSER.detect(content, name);
    if (!DocumentParser.ACCEPTED.containsKey(type)) {
      throw new InvalidInputException(
          "files of type " + type + " are not accepted; upload PDF, DOCX, HTML, Markdown or text");
    }
    Source source =
        registry.create(domainKey, name, type, content, Hashes.sha256(content), scope.caller());
    ingestion.ingest(source.getId());
    return source;
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Page list(String domainKey, SourceStatus status, int first, int max) {
    if (domainKey != null
        && em.createNamedQuery(io.infodesk.knowledge.entity.Domain.FIND_BY_KEY)
            .setParameter("key", domainKey)
            .getResultList()
            .isEmpty()) {
      throw new InvalidInputException("no domain '" + domainKey + "'");
    }
    Set<String> allowed = scope.isAdmin() ? null : scope.domains(Role.KNOWLEDGE_OWNER_NAME);
    if (domainKey != null && allowed != null && !allowed.contains(domainKey)) {
      throw new jakarta.ejb.EJBAccessException(
          "domain '" + domainKey + "' is not one of your domains");
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (domainKey != null) {
      where.append(" AND s.domain.key = :domain");
    } else if (allowed != null) {
      where.append(" AND s.domain.key IN :allowed");
    }
    if (status != null) {
      where.append(" AND s.status = :status");
    }
    if (allowed != null && allowed.isEmpty() && domainKey == null) {
      return new Page(0, List.of());
    }
    TypedQuery<Source> q =
        em.createQuery(
            "SELECT s FROM Source s" + where + " ORDER BY s.createdAt DESC, s.id DESC",
            Source.class);
    TypedQuery<Long> c = em.createQuery("SELECT COUNT(s) FROM Source s" + where, Long.class);
    for (TypedQuery<?> query : List.of(q, c)) {
      if (domainKey != null) {
        query.setParameter("domain", domainKey);
      } else if (allowed != null) {
        query.setParameter("allowed", allowed);
      }
      if (status != null) {
        query.setParameter("status", status);
      }
    }
    return new Page(
        c.getSingleResult(), q.setFirstResult(first).setMaxResults(max).getResultList());
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Source get(long id) {
    return managed(id);
  }

  /** Any signed-in employee may read an indexed source that an answer cites. */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Source preview(long id) {
    Source s = em.find(Source.class, id);
    if (s == null
        || (s.getStatus() != SourceStatus.INDEXED
            && !scope.may(Role.KNOWLEDGE_OWNER_NAME, s.getDomain().getKey()))) {
      throw new UnknownEntityException("no source " + id);
    }
    return s;
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public List<Chunk> chunks(long id) {
    managed(id);
    return em.createNamedQuery(Chunk.FIND_BY_SOURCE, Chunk.class)
        .setParameter("source", id)
        .getResultList();
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  public Source retire(long id) {
    Source s = managed(id);
    if (s.getStatus() == SourceStatus.RETIRED) {
      return s;
    }
    if (s.getStatus() != SourceStatus.INDEXED && s.getStatus() != SourceStatus.FAILED) {
      throw new ConflictException(
          "source " + id + " is still being ingested (" + s.getStatus() + ")");
    }
    s.moveTo(SourceStatus.RETIRED);
    retired.fire(new SourceRetired(id));
    audited.fire(
        new Audited(
            "SOURCE_RETIRED",
            "source",
            String.valueOf(id),
            s.getDomain().getKey() + ": " + s.getTitle()));
    return s;
  }

  @RolesAllowed({Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Source reindex(long id) {
    managed(id);
    Source s = registry.requeue(id, scope.caller());
    ingestion.ingest(id);
    return s;
  }

  private Source managed(long id) {
    Source s = em.find(Source.class, id);
    if (s == null || !scope.may(Role.KNOWLEDGE_OWNER_NAME, s.getDomain().getKey())) {
      throw new UnknownEntityException("no source " + id + " in your domains");
    }
    return s;
  }

  static String cleanFilename(String filename) {
    if (filename == null || filename.isBlank()) {
      throw new InvalidInputException("the file needs a name");
    }
    String name = filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidInputException("the file name must have 1-200 characters");
    }
    return name;
  }

  /** Sources by status, and the chunks of the indexed ones under "chunks" (for the metrics). */
  @jakarta.annotation.security.PermitAll
  public java.util.Map<String, Long> countsByStatus() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (SourceStatus s : SourceStatus.values()) {
      out.put(s.name(), 0L);
    }
    long chunks = 0;
    for (Object[] row :
        em.createQuery(
                "SELECT s.status, COUNT(s), SUM(s.chunkCount) FROM Source s GROUP BY s.status",
                Object[].class)
            .getResultList()) {
      out.put(((SourceStatus) row[0]).name(), ((Number) row[1]).longValue());
      if (row[0] == SourceStatus.INDEXED && row[2] != null) {
        chunks = ((Number) row[2]).longValue();
      }
    }
    out.put("chunks", chunks);
    return out;
  }
}
