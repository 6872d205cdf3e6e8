package io.infodesk.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.platform.control.StartupState;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * A readiness check never invokes a start-up singleton before the singleton has started, reports
 * its failed start, and turns the container's refusal into DOWN. Each test marks its own class in
 * {@link StartupState}, which is shared by the whole JVM.
 */
class ReadinessChecksTest {

  private final AtomicInteger invoked = new AtomicInteger();

  private HealthCheckResponse probe(Class<?> bean) {
    return ReadinessChecks.guarded(
        "check",
        bean,
        b -> {
          invoked.incrementAndGet();
          return b.up().build();
        });
  }

  static final class NotStarted {}

  @Test
  void aSingletonThatHasNotStartedIsNotInvoked() {
    HealthCheckResponse r = probe(NotStarted.class);

    assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(r.getData().orElseThrow()).containsEntry("state", "starting");
    assertThat(invoked).hasValue(0);
  }

  static final class Started {}

  @Test
  void aStartedSingletonAnswers() {
    StartupState.started(Started.class);

    HealthCheckResponse r = probe(Started.class);

    assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(r.getName()).isEqualTo("check");
    assertThat(invoked).hasValue(1);
  }

  static final class Failed {}

  @Test
  void aFailedStartIsReportedWithItsErrorAndNotInvoked() {
    StartupState.failed(Failed.class, "index folder unreadable");

    HealthCheckResponse r = probe(Failed.class);

    assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(r.getData().orElseThrow())
        .containsEntry("state", "failed")
        .containsEntry("error", "index folder unreadable");
    assertThat(invoked).hasValue(0);
  }

  static final class Refusing {}

  @Test
  void aContainerThatRefusesTheCallGivesDownNotAnError() {
    StartupState.started(Refusing.class);

    HealthCheckResponse r =
        ReadinessChecks.guarded(
            "check",
            Refusing.class,
            b -> {
              throw new IllegalStateException(
                  "Attempt to invoke when container is in Initializing");
            });

    assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(r.getData().orElseThrow())
        .containsEntry("error", "Attempt to invoke when container is in Initializing");
  }
}
