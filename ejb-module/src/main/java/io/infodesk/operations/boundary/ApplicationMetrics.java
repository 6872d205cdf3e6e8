package io.infodesk.operations.boundary;

import io.infodesk.answering.boundary.AskAdmission;
import io.infodesk.answering.entity.QuestionAnswered;
import io.infodesk.feedback.entity.FeedbackGiven;
import io.infodesk.flywheel.entity.CycleEnded;
import io.infodesk.knowledge.boundary.EmbeddingMigration;
import io.infodesk.knowledge.boundary.SourceService;
import io.infodesk.knowledge.entity.SourceIngested;
import io.infodesk.registry.boundary.RegistryService;
import io.infodesk.review.boundary.ReviewService;
import io.infodesk.review.entity.ReviewDecided;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * InfoDesk's application metrics. Counters and timers follow the features' events, counted only
 * once their transaction committed; gauges read the owning features' boundaries, at most once per
 * {@link #SNAPSHOT_TTL} however often Prometheus scrapes. Labels are bounded: outcomes, domains,
 * router versions, kinds and steps, never questions or users.
 */
@ApplicationScoped
public class ApplicationMetrics {

  private static final Logger LOG = Logger.getLogger(ApplicationMetrics.class.getName());
  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(2);
  static final Set<String> STAGES =
      Set.of("guard", "embed", "route", "retrieve", "answer", "total");

  @Inject MetricRegistry metrics;
  @EJB ReviewService reviews;
  @EJB SourceService sources;
  @EJB RegistryService registry;
  @EJB EmbeddingMigration migration;
  @Inject AskAdmission admission;

  private final Set<String> gauges = ConcurrentHashMap.newKeySet();
  private final Map<String, Double> lastCycleSeconds = new ConcurrentHashMap<>();
  private final Snapshot<Map<String, Long>> queue = new Snapshot<>(() -> reviews.pendingByDomain());
  private final Snapshot<Map<String, Long>> sourceCounts =
      new Snapshot<>(() -> sources.countsByStatus());
  private final Snapshot<RegistryService.Live> live = new Snapshot<>(() -> registry.live());

  /** Registers the gauges whose labels are known at start-up. */
  void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (io.infodesk.knowledge.entity.SourceStatus status :
        io.infodesk.knowledge.entity.SourceStatus.values()) {
      gauge(
          "infodesk.sources",
          "Knowledge sources by ingestion status",
          () -> safe(sourceCounts::get, Map.<String, Long>of()).getOrDefault(status.name(), 0L),
          new Tag("status", status.name()));
    }
    gauge(
        "infodesk.chunks.indexed",
        "Chunks of the indexed sources",
        () -> safe(sourceCounts::get, Map.<String, Long>of()).getOrDefault("chunks", 0L));
    gauge(
        "infodesk.chunks.reembedding",
        "Chunks of the indexed sources that another embedding model made, waiting to be embedded"
            + " again by this node's (-1 until the model has loaded)",
        () -> migration.pending());
    gauge(
        "infodesk.ask.waiting",
        "Questions waiting for their turn to be answered (infodesk.ask.concurrency)",
        () -> admission.waiting());
    gauge(
        "infodesk.router.accuracy",
        "The live router's last measured accuracy on the frozen evaluation (NaN before any)",
        () -> safe(() -> live.get().accuracy(), Double.NaN));
    // the tables may still be migrating: the first question or decision registers the rest
    safe(
        () -> {
          refreshQueueGauges();
          refreshRouterGauge();
          return null;
        },
        null);
  }

  void answered(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuestionAnswered q) {
    count(
        "infodesk.questions",
        "Questions answered, by outcome, domain and router",
        1,
        new Tag("outcome", q.outcome().name()),
        new Tag("domain", label(q.domain())),
        new Tag("router", label(q.routerVersion())));
    q.latencyMicros()
        .forEach(
            (stage, micros) -> {
              if (STAGES.contains(stage)) {
                Tag tag = new Tag("stage", stage);
                count(
                    "infodesk.ask.stage.micros",
                    "Time spent in each stage of answering questions, in microseconds",
                    micros,
                    tag);
                count("infodesk.ask.stage.calls", "Questions that ran each stage", 1, tag);
              }
            });
    for (String kind : q.guardrailKinds()) {
      count("infodesk.guardrail.events", "Guardrail events, by kind", 1, new Tag("kind", kind));
    }
    if (q.domain() != null) {
      // every domain questions go to has a queue, empty or not
      queueGauge(q.domain());
    }
    refreshRouterGauge();
  }

  void feedback(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedbackGiven f) {
    Tag domain = new Tag("domain", label(f.domain()));
    if (f.kind().equals("escalation")) {
      count("infodesk.escalations", "Requests for a person, by domain", 1, domain);
    } else {
      count(
          "infodesk.ratings",
          "Ratings of answers, up or down, by domain",
          1,
          new Tag("rating", f.kind()),
          domain);
    }
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewDecided d) {
    count(
        "infodesk.review.decisions",
        "SME votes and settled disputes, by decision",
        1,
        new Tag("decision", d.decision()),
        new Tag("domain", label(d.domain())));
    refreshQueueGauges(d.domain());
  }

  void cycleEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CycleEnded c) {
    count(
        "infodesk.cycles",
        "Flywheel cycles ended, by trigger and status",
        1,
        new Tag("trigger", label(c.trigger())),
        new Tag("status", c.status()));
    c.stepMillis()
        .forEach(
            (step, millis) -> {
              lastCycleSeconds.put(step, millis / 1000.0);
              gauge(
                  "infodesk.cycle.last.step.seconds",
                  "How long each step of the last cycle this node ran took",
                  () -> lastCycleSeconds.getOrDefault(step, 0.0),
                  new Tag("step", step));
            });
    live.expire();
    refreshRouterGauge();
  }

  void ingested(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceIngested s) {
    Tag domain = new Tag("domain", label(s.domain()));
    if (s.status() == io.infodesk.knowledge.entity.SourceStatus.FAILED) {
      count("infodesk.ingestion.failures", "Sources whose ingestion failed, by domain", 1, domain);
    } else {
      count(
          "infodesk.ingestion.chunks",
          "Chunks indexed by this node, by domain",
          s.chunks(),
          domain);
      count(
          "infodesk.ingestion.chunks.reused",
          "Chunks indexed by this node whose vector was not embedded again (an identical text the"
              + " same model embedded before, or one repeated within the source), by domain",
          s.reused(),
          domain);
      s.stageMicros()
          .forEach(
              (stage, micros) -> {
                Tag tag = new Tag("stage", stage);
                count(
                    "infodesk.ingestion.stage.micros",
                    "Time spent in each stage of ingesting sources (parse, embed, store, index), in"
                        + " microseconds, waiting for a turn included",
                    micros,
                    tag);
                count(
                    "infodesk.ingestion.stage.calls",
                    "Sources ingested through each stage",
                    1,
                    tag);
              });
    }
    sourceCounts.expire();
  }

  /** One gauge per domain that has had review items, registered when first seen. */
  private void refreshQueueGauges(String... seen) {
    queue.expire();
    Set<String> domains =
        new java.util.TreeSet<>(safe(queue::get, Map.<String, Long>of()).keySet());
    for (String d : seen) {
      if (d != null && !d.isBlank()) {
        domains.add(d);
      }
    }
    domains.forEach(this::queueGauge);
  }

  private void queueGauge(String domain) {
    gauge(
        "infodesk.review.queue.depth",
        "Review items waiting for an SME, by domain",
        () -> safe(queue::get, Map.<String, Long>of()).getOrDefault(domain, 0L),
        new Tag("domain", domain));
  }

  private void count(String name, String description, long by, Tag... tags) {
    metrics.counter(meta(name, description), tags).inc(by);
  }

  /** {@code infodesk_router_live{version}}: 1 for the router that serves now, 0 for earlier. */
  private void refreshRouterGauge() {
    String version = safe(() -> live.get().version(), null);
    if (version != null) {
      gauge(
          "infodesk.router.live",
          "1 for the router version that serves now, 0 for versions that served before",
          () -> version.equals(safe(() -> live.get().version(), null)) ? 1 : 0,
          new Tag("version", version));
    }
  }

  private <T extends Number> void gauge(
      String name, String description, Supplier<T> value, Tag... tags) {
    StringBuilder id = new StringBuilder(name);
    for (Tag t : tags) {
      id.append(',').append(t.getTagName()).append('=').append(t.getTagValue());
    }
    if (gauges.add(id.toString())) {
      metrics.gauge(meta(name, description), value, tags);
    }
  }

  private static Metadata meta(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  private static String label(String value) {
    return value == null || value.isBlank() ? "none" : value;
  }

  private static <T> T safe(Supplier<T> read, T otherwise) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "a metric could not be read", e);
      return otherwise;
    }
  }

  /**
   * A value read at most once per {@link #SNAPSHOT_TTL}. A read that overlaps {@link #expire()} (a
   * scrape while an ingestion commits) returns what it read but does not keep it, so the next read
   * sees the change instead of a value that was stale before it was stored.
   */
  static final class Snapshot<T> {
    private final Supplier<T> read;
    private volatile T value;
    private volatile long readAt;
    private long generation;

    Snapshot(Supplier<T> read) {
      this.read = read;
    }

    T get() {
      long now = System.nanoTime();
      T v = value;
      if (v == null || now - readAt > SNAPSHOT_TTL.toNanos()) {
        long before;
        synchronized (this) {
          before = generation;
        }
        v = read.get();
        synchronized (this) {
          if (generation == before) {
            value = v;
            readAt = now;
          }
        }
      }
      return v;
    }

    synchronized void expire() {
      generation++;
      value = null;
    }
  }
}
