package io.infodesk.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves. */
  static final class Manual extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void locksAnAccountAfterTheLimitWithGrowingBackOff() {
    Manual clock = new Manual();
    LoginThrottle t =
        new LoginThrottle(clock, 3, 100, Duration.ofMinutes(15), Duration.ofMinutes(15));
    assertThat(t.failed("ann", "10.0.0.1")).isEmpty();
    assertThat(t.failed("ann", "10.0.0.2")).isEmpty();
    assertThat(t.blocked("ann", "10.0.0.3")).isEmpty();
    assertThat(t.failed("ann", "10.0.0.3")).contains(Duration.ofSeconds(2));
    assertThat(t.blocked("ann", "10.0.0.9")).as("the account, from any address").isPresent();
    assertThat(t.blocked("bob", "10.0.0.9")).as("another account").isEmpty();
    clock.now = clock.now.plusSeconds(3);
    assertThat(t.blocked("ann", "10.0.0.9")).isEmpty();
    assertThat(t.failed("ann", "10.0.0.9")).contains(Duration.ofSeconds(4));
    clock.now = clock.now.plusSeconds(5);
    assertThat(t.failed("ann", "10.0.0.9")).contains(Duration.ofSeconds(8));
    t.succeeded("ann");
    clock.now = clock.now.plusSeconds(9);
    assertThat(t.blocked("ann", "10.0.0.8")).isEmpty();
    assertThat(t.failed("ann", "10.0.0.8")).as("a success starts the count again").isEmpty();
  }

  @Test
  void locksAnAddressThatTriesManyAccountsAndForgetsOldFailures() {
    Manual clock = new Manual();
    LoginThrottle t =
        new LoginThrottle(clock, 100, 3, Duration.ofMinutes(15), Duration.ofMinutes(15));
    t.failed("a", "10.0.0.1");
    t.failed("b", "10.0.0.1");
    assertThat(t.failed("c", "10.0.0.1")).isPresent();
    assertThat(t.blocked("d", "10.0.0.1")).isPresent();
    assertThat(t.blocked("d", "10.0.0.2")).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    assertThat(t.blocked("d", "10.0.0.1")).isEmpty();
    assertThat(t.failed("d", "10.0.0.1")).as("the window moved on").isEmpty();
    for (int i = 0; i < 10; i++) {
      t.failed("user" + i, "127.0.0.1");
    }
    assertThat(t.blocked("other", "127.0.0.1"))
        .as("a loopback address (a local proxy) is not locked for everyone")
        .isEmpty();
  }
}
