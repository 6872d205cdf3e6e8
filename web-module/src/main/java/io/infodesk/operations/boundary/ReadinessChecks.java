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
import java.util.function.Function;
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
   * The check named {@code check} on the start-up singleton {@code bean}: DOWN while the singleton
   * has not finished starting (or failed to), so that a probe never invokes it first (see {@link
   * StartupState}), and DOWN while the container still refuses calls during its start; else what
   * {@code c} answers with the check's builder.
   */
  static HealthCheckResponse guarded(
      String check, Class<?> bean, Function<HealthCheckResponseBuilder, HealthCheckResponse> c) {
    Optional<String> failure = StartupState.failure(bean);
    if (failure.isPresent()) {
      return HealthCheckResponse.named(check)
          .down()
          .withData("state", "failed")
          .withData("error", failure.get())
          .build();
    }
    if (!StartupState.hasStarted(bean)) {
      return HealthCheckResponse.named(check).down().withData("state", "starting").build();
    }
    try {
      return c.apply(HealthCheckResponse.named(check));
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check)
          .down()
          .withData("state", "starting")
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }

  /** DOWN while background loading runs, or after it failed. */
  static HealthCheckResponse notLoaded(HealthCheckResponseBuilder b, String failure) {
    return b.down()
        .withData("state", failure == null ? "loading" : "failed")
        .withData("error", String.valueOf(failure))
        .build();
  }

  @Produces
  @Readiness
  HealthCheck searchIndex() {
    return () ->
        guarded(
            "search-index",
            SearchService.class,
            b -> {
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
            b -> {
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
            b -> {
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
    return () ->
        guarded(
            "pytorch-engine",
            PyTorchRuntime.class,
            b -> {
              PyTorchRuntime runtime = pytorch.get();
              PyTorchRuntime.EngineInfo info = runtime.info();
              return info == null
                  ? notLoaded(b, runtime.failure())
                  : b.up()
                      .withData("version", info.version())
                      .withData("gpus", info.gpuCount())
                      .build();
            });
  }

  @Produces
  @Readiness
  HealthCheck embeddingModel() {
    return () ->
        guarded(
            "minilm-embeddings",
            EmbeddingService.class,
            b -> {
              EmbeddingService service = embeddings.get();
              return service.isReady()
                  ? b.up().withData("model", service.modelName()).build()
                  : notLoaded(b, service.failure());
            });
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
