package io.infodesk.platform.boundary;

import io.infodesk.retrieval.boundary.EmbeddingService;
import io.infodesk.training.boundary.PyTorchRuntime;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health: the node is ready when the database answers, the migrations have run, and
 * the PyTorch engine and the MiniLM model have loaded offline. It is live while its heartbeat timer
 * fires.
 */
@ApplicationScoped
public class ReadinessChecks {

  @Resource(lookup = "java:app/jdbc/infodesk")
  DataSource dataSource;

  @EJB DatabaseMigrations migrations;
  @EJB PyTorchRuntime pytorch;
  @EJB EmbeddingService embeddings;
  @EJB ClusterNodeService nodes;

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("database");
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
        return b.up().withData("product", c.getMetaData().getDatabaseProductName()).build();
      } catch (Exception e) {
        return b.down().withData("error", String.valueOf(e.getMessage())).build();
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck schema() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("migrations");
      String version = migrations.schemaVersion();
      return version == null
          ? b.down().withData("error", String.valueOf(migrations.failure())).build()
          : b.up().withData("version", version).build();
    };
  }

  @Produces
  @Readiness
  HealthCheck pytorchEngine() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("pytorch-engine");
      PyTorchRuntime.EngineInfo info = pytorch.info();
      if (info == null) {
        return b.down()
            .withData("state", pytorch.failure() == null ? "loading" : "failed")
            .withData("error", String.valueOf(pytorch.failure()))
            .build();
      }
      return b.up().withData("version", info.version()).withData("gpus", info.gpuCount()).build();
    };
  }

  @Produces
  @Readiness
  HealthCheck embeddingModel() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("minilm-embeddings");
      if (embeddings.isReady()) {
        return b.up().withData("model", "all-MiniLM-L6-v2").build();
      }
      return b.down()
          .withData("state", embeddings.failure() == null ? "loading" : "failed")
          .withData("error", String.valueOf(embeddings.failure()))
          .build();
    };
  }

  @Produces
  @Liveness
  HealthCheck heartbeat() {
    return () -> {
      HealthCheckResponseBuilder b = HealthCheckResponse.named("heartbeat-timer");
      return nodes
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
