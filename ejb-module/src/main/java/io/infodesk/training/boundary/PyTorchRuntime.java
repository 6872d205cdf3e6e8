package io.infodesk.training.boundary;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.infodesk.platform.control.StartupState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Loads DJL's PyTorch engine in the background at start-up and proves it computes. Reports the
 * engine version and how many GPUs DJL sees; training picks its device from that, never assuming.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PyTorchRuntime {

  private static final Logger LOG = Logger.getLogger(PyTorchRuntime.class.getName());

  /** What the engine reported after loading. */
  public record EngineInfo(String name, String version, int gpuCount) {}

  @Resource ManagedExecutorService executor;

  private volatile CompletableFuture<EngineInfo> engine;
  private volatile String failure;

  @PostConstruct
  void startLoading() {
    engine =
        CompletableFuture.supplyAsync(
            () -> {
              Engine pytorch = Engine.getEngine("PyTorch");
              try (NDManager manager = pytorch.newBaseManager()) {
                float sum = manager.ones(new Shape(2, 3)).sum().getFloat();
                if (sum != 6f) {
                  throw new IllegalStateException("PyTorch computed 1*6 = " + sum);
                }
              }
              EngineInfo info =
                  new EngineInfo(
                      pytorch.getEngineName(), pytorch.getVersion(), pytorch.getGpuCount());
              LOG.info(() -> "DJL engine ready: " + info);
              return info;
            },
            executor);
    engine.whenComplete(
        (info, e) -> {
          if (e != null) {
            failure = String.valueOf(e.getCause() == null ? e : e.getCause());
            LOG.severe("The PyTorch engine failed to load: " + failure);
          }
        });
    StartupState.started(PyTorchRuntime.class);
  }

  public boolean isReady() {
    return engine.isDone() && !engine.isCompletedExceptionally();
  }

  public EngineInfo info() {
    return isReady() ? engine.join() : null;
  }

  public String failure() {
    return failure;
  }
}
