package io.infodesk.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles password guessing per account and per client address: after {@code limit} failures
 * within the window, each further failure locks the key for twice as long as the last (1 s, 2 s, 4
 * s, … up to {@code maxLock}); a success clears the account's count. In memory, per node.
 */
public final class LoginThrottle {

  /** How a key stands: failures in the current window, and until when it is locked. */
  private record State(int failures, Instant windowStart, Instant lockedUntil) {}

  private final Clock clock;
  private final int accountLimit;
  private final int addressLimit;
  private final Duration window;
  private final Duration maxLock;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  public LoginThrottle(
      Clock clock, int accountLimit, int addressLimit, Duration window, Duration maxLock) {
    this.clock = clock;
    this.accountLimit = accountLimit;
    this.addressLimit = addressLimit;
    this.window = window;
    this.maxLock = maxLock;
  }

  /**
   * The defaults: 5 failures per account, 20 per address, in 15 minutes; locks up to 15 minutes.
   */
  public static LoginThrottle defaults() {
    return new LoginThrottle(
        Clock.systemUTC(), 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  /** How long the account or the address must still wait, if either is locked. */
  public Optional<Duration> blocked(String account, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(account, address)) {
      State s = states.get(key);
      if (s != null && s.lockedUntil() != null && s.lockedUntil().isAfter(now)) {
        Duration left = Duration.between(now, s.lockedUntil());
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /**
   * Counts a failed sign-in.
   *
   * @return the lock this failure started, if it started one (for the audit log)
   */
  public Optional<Duration> failed(String account, String address) {
    Instant now = clock.instant();
    if (states.size() > MAX_KEYS) {
      states.entrySet().removeIf(e -> e.getValue().windowStart().plus(window).isBefore(now));
      if (states.size() > MAX_KEYS) {
        states.clear();
      }
    }
    Duration started = null;
    for (String key : keys(account, address)) {
      int limit = key.startsWith("a:") ? accountLimit : addressLimit;
      State s =
          states.compute(
              key,
              (k, old) -> {
                State fresh =
                    old == null || old.windowStart().plus(window).isBefore(now)
                        ? new State(0, now, null)
                        : old;
                int failures = fresh.failures() + 1;
                Instant locked = fresh.lockedUntil();
                if (failures >= limit) {
                  long seconds = 2L << Math.min(30, failures - limit);
                  Duration lock = Duration.ofSeconds(Math.min(seconds, maxLock.toSeconds()));
                  locked = now.plus(lock);
                }
                return new State(failures, fresh.windowStart(), locked);
              });
      if (s.lockedUntil() != null && s.failures() >= limit) {
        Duration d = Duration.between(now, s.lockedUntil());
        started = started == null || d.compareTo(started) > 0 ? d : started;
      }
    }
    return Optional.ofNullable(started);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  public void succeeded(String account) {
    if (account != null) {
      states.remove("a:" + account);
    }
  }

  /** Keys kept at most; past this (a flood of made-up user names) the oldest state is dropped. */
  static final int MAX_KEYS = 100_000;

  private static String[] keys(String account, String address) {
    String a = "a:" + (account == null ? "" : account);
    // a loopback address is a local reverse proxy (or a test): every client would share it
    if (address == null || isLoopback(address)) {
      return new String[] {a};
    }
    return new String[] {a, "i:" + address};
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
  }
}
