package io.infodesk.knowledge.boundary;

import io.infodesk.platform.control.Admission;
import io.infodesk.platform.control.WorkQueue;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * At most {@code infodesk.ingestion.concurrency} sources are parsed or embedded at once on this
 * node, by default one per processor; the others wait their turn, first come first served, and stay
 * QUEUED (0: no limit, every background thread at once). Storing and indexing run outside the turn.
 * While the Python documentation was ingested on two cores, employees' answers took a fifth of the
 * time they took without a limit, for the same ingestion throughput (docs/benchmarks.md, "Ingestion
 * admission").
 *
 * <p>Sources wait in this node's {@link WorkQueue}, handled by as many background workers as the
 * limit, so that a bulk upload holds that many of the EJB container's threads and not one per
 * source (which held up every other background task, a re-embedding or the demo's traffic, until
 * the upload drained). A source waiting here is QUEUED in the database, and a restart resumes it
 * ({@code IngestionRecovery}).
 */
@ApplicationScoped
public class IngestionAdmission extends Admission {

  public static final String CONCURRENCY = "infodesk.ingestion.concurrency";

  @Inject Config config;
  @EJB IngestionService ingestion;

  private WorkQueue<Long> sources;

  @PostConstruct
  void configure() {
    configure(config, CONCURRENCY, "Sources parsed or embedded");
    sources = new WorkQueue<>(limit(), worker -> ingestion.work(worker), ingestion::process);
  }

  /** Queues a source for ingestion on this node; it is handled in the background. */
  public void queue(long sourceId) {
    sources.submit(sourceId);
  }
}
