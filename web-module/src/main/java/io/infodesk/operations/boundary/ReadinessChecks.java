package io.infodesk.operations.boundary;

import io.infodesk.platform.boundary.ClusterNodeService;
import io.infodesk.platform.boundary.DatabaseMigrations;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.StartupState;
import io.infodesk.retrieval.boundary.SearchService;
import io.infodesk.training.boundary.PyTorchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health: the node is ready when the database answers, the migrations have run, the
 * PyTorch engine and the MiniLM model have loaded offline, and its search index is not being
 * rebuilt from the database (36.7 s at 111k chunks, docs/benchmarks.md: a load balancer keeps
 * questions away until it is done). It is live while its heartbeat timer fires.
 */
@ApplicationScoped
public class ReadinessChecks {

  @Inject Instance<DatabaseMigrations> migrations;
  @Inject Instance<PyTorchRuntime> pytorch;
  @Inject Instance<EmbeddingService> embeddings;
  @Inject Instance<ClusterNodeService> nodes;
  @Inject Instance<SearchService> search;

  /**
   * A DOWN response while the start-up singleton {@code bean} has not finished starting (or failed
   * to), so that a probe never invokes it first (see {@link StartupState}); empty once it has.
   */
  static Optional<HealthCheckResponse> notStarted(String check, Class<?> bean) {
    Optional<String> failure = StartupState.failure(bean);
    if (failure.isPresent()) {
      return Optional.of(
          HealthCheckResponse.named(check)
              .down()
              .withData("state", "failed")
              .withData("error", failure.get())
              .build());
    }
    if (!StartupState.hasStarted(bean)) {
      return Optional.of(
          HealthCheckResponse.named(check).down().withData("state", "starting").build());
    }
    return Optional.empty();
  }

  /** The check's answer, or DOWN while the container still refuses calls during its start. */
  static HealthCheckResponse guarded(String check, Class<?> bean, Supplier<HealthCheckResponse> c) {
    Optional<HealthCheckResponse> early = notStarted(check, bean);
    if (early.isPresent()) {
      return early.get();
    }
    try {
      return c.get();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check)
          .down()
          .withData("state", "starting")
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }

  @Produces
  @Readiness
  HealthCheck searchIndex() {
    return () ->
        guarded(
            "search-index",
            SearchService.class,
            () -> {
              HealthCheckResponseBuilder b = HealthCheckResponse.named("search-index");
              SearchService s = search.get();
              return (s.isRebuilding() ? b.down().withData("state", "rebuilding") : b.up())
                  .withData("chunks", s.indexSize())
                  .build();
            });
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () ->
        guarded(
            "database",
            DatabaseMigrations.class,
            () -> {
              HealthCheckResponseBuilder b = HealthCheckResponse.named("database");
              try {
                return b.up().withData("product", migrations.get().pingDatabase()).build();
              } catch (Exception e) {
                return b.down().withData("error", String.valueOf(e.getMessage())).build();
              }
            });
  }

  @Produces
  @Readiness
  HealthCheck schema() {
    return () ->
        guarded(
            "migrations",
            DatabaseMigrations.class,
            () -> {
              HealthCheckResponseBuilder b = HealthCheckResponse.named("migrations");
              DatabaseMigrations m = migrations.get();
              String version = m.schemaVersion();
              return version == null
                  ? b.down().withData("error", String.valueOf(m.failure())).build()
                  : b.up().withData("version", version).build();
            });
  }

  @Produces
  @Readiness
  HealthCheck pytorchEngine() {
    return () -> guarded("pytorch-engine", PyTorchRuntime.class, () -> pytorchEngineNow());
  }

  private HealthCheckResponse pytorchEngineNow() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("pytorch-engine");
    PyTorchRuntime runtime = pytorch.get();
    PyTorchRuntime.EngineInfo info = runtime.info();
    if (info == null) {
      return b.down()
          .withData("state", runtime.failure() == null ? "loading" : "failed")
          .withData("error", String.valueOf(runtime.failure()))
          .build();
    }
    return b.up().withData("version", info.version()).withData("gpus", info.gpuCount()).build();
  }

  @Produces
  @Readiness
  HealthCheck embeddingModel() {
    return () -> guarded("minilm-embeddings", EmbeddingService.class, () -> embeddingModelNow());
  }

  private HealthCheckResponse embeddingModelNow() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("minilm-embeddings");
    EmbeddingService service = embeddings.get();
    if (service.isReady()) {
      return b.up().withData("model", service.modelName()).build();
    }
    return b.down()
        .withData("state", service.failure() == null ? "loading" : "failed")
        .withData("error", String.valueOf(service.failure()))
        .build();
  }

  @Produces
  @Liveness
  HealthCheck heartbeat() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("heartbeat-timer");
      return nodes
          .get()
          .self()
          .map(
              n ->
                  b.up()
                      .withData("node", n.getName())
                      .withData("roles", n.getRoles())
                      .withData("heartbeats", n.getHeartbeats())
                      .withData("lastHeartbeat", String.valueOf(n.getLastHeartbeat()))
                      .build())
          .orElseGet(() -> b.down().withData("error", "node not registered").build());
    };
  }
}
