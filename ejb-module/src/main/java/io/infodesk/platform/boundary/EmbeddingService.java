package io.infodesk.platform.boundary;

import io.infodesk.platform.control.BatchingEmbedder;
import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.control.StartupState;
import io.infodesk.platform.control.Turns;
import io.infodesk.platform.control.VectorCache;
import io.infodesk.platform.control.Vectors;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The node's MiniLM embedding model. It loads in the background at start-up, on a managed thread
 * (so the native code finds its class loader), and readiness stays DOWN until it has loaded.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EmbeddingService {

  private static final Logger LOG = Logger.getLogger(EmbeddingService.class.getName());

  /**
   * Which MiniLM the node embeds with: {@code all-minilm-l6-v2-q} (8-bit, the default: 1.6× the
   * distinct questions per second of the full model, with retrieval, zero-shot and flywheel quality
   * within their bounds: docs/benchmarks.md) or {@code all-minilm-l6-v2} (full precision). Chunks
   * embedded by another model are embedded again in the background.
   */
  public static final String MODEL = "infodesk.embedding.model";

  /** Word pieces embedded of each text (see {@link MiniLmEmbedder#DEFAULT_MAX_TOKENS}). */
  public static final String MAX_TOKENS = "infodesk.embedding.max-tokens";

  @Resource ManagedExecutorService executor;
  @Inject Config config;

  private volatile CompletableFuture<MiniLmEmbedder> model;
  private volatile String failure;
  private VectorCache questions;
  private volatile BatchingEmbedder batching;
  private String modelName;
  private int maxTokens;

  /**
   * At most this many questions embed at once ({@code infodesk.embedding.concurrency}; 0, the
   * default, for no limit): on two cores 1 makes repeated traffic 1.5–1.8× faster and all-distinct
   * traffic a fifth slower (docs/benchmarks.md).
   */
  private Turns questionTurns;

  @PostConstruct
  void startLoading() {
    modelName = config.getOptionalValue(MODEL, String.class).orElse(MiniLmEmbedder.QUANTIZED);
    maxTokens =
        config
            .getOptionalValue(MAX_TOKENS, Integer.class)
            .orElse(MiniLmEmbedder.DEFAULT_MAX_TOKENS);
    questions =
        new VectorCache(
            config
                .getOptionalValue("infodesk.embedding.question-cache", Integer.class)
                .orElse(10_000));
    int turns = config.getOptionalValue("infodesk.embedding.concurrency", Integer.class).orElse(0);
    questionTurns = new Turns(turns);
    Path dir =
        Path.of(config.getValue(Settings.DATA_DIR, String.class), "models", "all-minilm-l6-v2");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    model =
        CompletableFuture.supplyAsync(
            () -> {
              long start = System.nanoTime();
              MiniLmEmbedder embedder = MiniLmEmbedder.load(dir, loader, modelName, maxTokens);
              embedder.embed("warm-up");
              long window =
                  config
                      .getOptionalValue("infodesk.embedding.batch-window-micros", Long.class)
                      .orElse(0L);
              if (window > 0) {
                batching = new BatchingEmbedder(embedder::embedBatch, 16, window);
              }
              LOG.info(
                  () ->
                      modelName
                          + " embedding model ready in "
                          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                          + " ms");
              return embedder;
            },
            executor);
    model.whenComplete(
        (m, e) -> {
          if (e != null) {
            failure = String.valueOf(e.getCause() == null ? e : e.getCause());
            LOG.severe("MiniLM embedding model failed to load: " + failure);
          }
        });
    StartupState.started(EmbeddingService.class);
  }

  public boolean isReady() {
    return model.isDone() && !model.isCompletedExceptionally();
  }

  public String failure() {
    return failure;
  }

  /** The configured model's name (see {@link #MODEL}), known before it has loaded. */
  public String modelName() {
    return modelName;
  }

  /** The configured window: word pieces embedded of each text ({@link #MAX_TOKENS}). */
  public int maxTokens() {
    return maxTokens;
  }

  /**
   * What vectors made now belong to: the model's name and the SHA-256 of its file. Waits for the
   * model to load.
   */
  public String modelVersion() {
    return embedder().version();
  }

  public float[] embed(String text) {
    return embedder().embed(text);
  }

  /**
   * A question's vector, from the node's bounded cache of recent questions when it is there ({@code
   * infodesk.embedding.question-cache}, default 10,000 questions; 0 turns it off). The caller must
   * not change the array.
   */
  public float[] embedQuestion(String question) {
    MiniLmEmbedder m = embedder();
    BatchingEmbedder b = batching;
    return questions.get(
        m.version(),
        question,
        b == null ? text -> questionTurns.take(() -> m.embed(text)) : b::embed);
  }

  public float[][] embedAll(List<String> texts) {
    return embedder().embedAll(texts);
  }

  /**
   * The vectors of many texts that are mostly questions asked before (a dataset's examples): the
   * ones in the question cache from there, the others embedded in one batch and cached. The caller
   * may change the arrays.
   */
  public float[][] embedAllCached(List<String> texts) {
    MiniLmEmbedder m = embedder();
    return questions.getAll(m.version(), texts, m::embedAll);
  }

  /**
   * The share of the texts' word pieces the model does not know ({@link
   * MiniLmEmbedder#unknownShare}); from {@link MiniLmEmbedder#UNREADABLE} on, it cannot read them.
   */
  public double unknownShare(List<String> texts) {
    return embedder().unknownShare(texts);
  }

  /**
   * The share of the texts' word pieces the model does not know where it cannot read them (from
   * {@link MiniLmEmbedder#UNREADABLE} on); empty where it can, or where no model loaded to ask: the
   * check is advice, and what asks for it needs no model otherwise.
   */
  public java.util.OptionalDouble unreadableShare(List<String> texts) {
    double unknown;
    try {
      unknown = unknownShare(texts);
    } catch (IllegalStateException e) {
      LOG.fine("no readability check: " + e.getMessage());
      return java.util.OptionalDouble.empty();
    }
    return unknown < MiniLmEmbedder.UNREADABLE
        ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(unknown);
  }

  /** Cosine similarity of two embeddings. */
  public static double similarity(float[] a, float[] b) {
    return Vectors.cosine(a, b);
  }

  private MiniLmEmbedder embedder() {
    try {
      return model.get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("The embedding model is not available: " + failure, e);
    }
  }

  @PreDestroy
  void close() {
    BatchingEmbedder b = batching;
    if (b != null) {
      b.close();
    }
    model.thenAccept(MiniLmEmbedder::close);
  }
}
