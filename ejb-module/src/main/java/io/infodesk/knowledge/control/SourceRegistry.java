package io.infodesk.knowledge.control;

import io.infodesk.knowledge.boundary.DomainDirectory;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Records new and re-queued sources in transactions of their own, committed before background
 * ingestion starts. Callers have already checked the caller's scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SourceRegistry {

  @PersistenceContext EntityManager em;
  @Inject DomainDirectory directory;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;

  public Source create(
      String domainKey,
      String filename,
      String mediaType,
      byte[] content,
      String hash,
      String uploadedBy) {
    Domain domain =
        directory
            .byKey(domainKey)
            .orElseThrow(() -> new InvalidInputException("unknown domain '" + domainKey + "'"));
    em.createNamedQuery(Source.FIND_BY_HASH, Source.class)
        .setParameter("domain", domain)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .ifPresent(
            existing -> {
              throw new ConflictException(
                  "this file was already uploaded to "
                      + domainKey
                      + " as source "
                      + existing.getId()
                      + " ('"
                      + existing.getTitle()
                      + "')");
            });
    Source source = new Source(domain, filename, mediaType, content, hash, uploadedBy);
    em.persist(source);
    em.flush();
    audited.fire(
        new Audited(
            "SOURCE_UPLOADED",
            "source",
            String.valueOf(source.getId()),
            domainKey + ": " + filename));
    return source;
  }

  public Source requeue(long id, String caller) {
    Source s = em.find(Source.class, id);
    if (s == null) {
      throw new UnknownEntityException("no source " + id);
    }
    if (s.getStatus() == SourceStatus.QUEUED
        || s.getStatus() == SourceStatus.PARSING
        || s.getStatus() == SourceStatus.EMBEDDING) {
      throw new ConflictException(
          "source " + id + " is already being ingested (" + s.getStatus() + ")");
    }
    s.moveTo(SourceStatus.QUEUED);
    audited.fire(
        new Audited(
            "SOURCE_REINDEXED",
            "source",
            String.valueOf(id),
            s.getDomain().getKey() + ": " + s.getTitle()));
    return s;
  }
}
