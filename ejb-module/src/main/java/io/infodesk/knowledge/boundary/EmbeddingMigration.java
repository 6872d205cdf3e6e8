package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.SourceSteps;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.MiniLmEmbedder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, embeds again, in the background, the chunks that another MiniLM embedded than the
 * one this node runs ({@link EmbeddingService#MODEL} changed; chunks from before the model was
 * recorded count as the full model's), one source at a time, so that questions and passages are
 * compared in one vector space. Each source stays INDEXED and searchable from its previous vectors
 * until its new ones replace them; other nodes pick them up at their next index sync. Progress is
 * in the log and in the {@code infodesk_chunks_reembedding} gauge. Every node of a cluster must run
 * the same model.
 */
@Singleton
@Startup
@DependsOn("IngestionRecovery")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EmbeddingMigration {

  private static final Logger LOG = Logger.getLogger(EmbeddingMigration.class.getName());
  static final long RECOUNT_NANOS = TimeUnit.SECONDS.toNanos(5);

  @Inject SourceSteps steps;
  @EJB IngestionService ingestion;
  @EJB EmbeddingService embeddings;
  @Resource SessionContext context;

  /** Chunks still embedded by another model, as last counted; -1 until the model has loaded. */
  private volatile long pending = -1;

  @PostConstruct
  void start() {
    context.getBusinessObject(EmbeddingMigration.class).run();
  }

  /** Chunks of indexed sources still embedded by another model; -1 before the first count. */
  public long pending() {
    return pending;
  }

  @Asynchronous
  public void run() {
    String model;
    try {
      model = embeddings.modelVersion();
    } catch (IllegalStateException e) {
      LOG.warning("No re-embedding: " + e.getMessage());
      return;
    }
    if (embeddings.modelName().equals(MiniLmEmbedder.FULL)) {
      // before V19 recorded models, every chunk was embedded by the full model at its full window
      String before = MiniLmEmbedder.atModelWindow(model);
      int recorded = steps.recordUnrecordedModel(before);
      if (recorded > 0) {
        LOG.info("Recorded " + before + " as the model of " + recorded + " chunks from before V19");
      }
    }
    List<Long> sources = steps.embeddedByOtherModel(model);
    pending = steps.countEmbeddedByOtherModel(model);
    if (sources.isEmpty()) {
      return;
    }
    LOG.info(
        "Embedding "
            + pending
            + " chunks of "
            + sources.size()
            + " sources again with "
            + model
            + "; each source answers from its previous vectors until it is done");
    long start = System.nanoTime();
    long counted = start;
    int done = 0;
    long chunks = 0;
    for (long id : sources) {
      try {
        chunks += ingestion.reembed(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Re-embedding source " + id + " failed; next start retries", e);
      }
      done++;
      if (System.nanoTime() - counted > RECOUNT_NANOS || done == sources.size()) {
        counted = System.nanoTime();
        pending = steps.countEmbeddedByOtherModel(model);
        LOG.info(
            "Re-embedding: "
                + done
                + " of "
                + sources.size()
                + " sources done, "
                + pending
                + " chunks to go");
      }
    }
    LOG.info(
        "Re-embedded "
            + chunks
            + " chunks of "
            + done
            + " sources in "
            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)
            + " s");
  }
}
