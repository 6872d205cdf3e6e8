package io.infodesk.platform.control;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most a given number of callers run a piece of work at once; the others wait their turn, first
 * come first served. Zero turns means no limit.
 */
public final class Turns {

  private final Semaphore turns;
  private final int limit;

  /** The turns whose turn the current thread holds, innermost (for {@link #giveBackWhile}). */
  private static final ThreadLocal<Turns> HELD = new ThreadLocal<>();

  public Turns(int turns) {
    if (turns < 0) {
      throw new IllegalArgumentException("turns must be 0 (no limit) or more, not " + turns);
    }
    this.limit = turns;
    this.turns = turns == 0 ? null : new Semaphore(turns, true);
  }

  /** Runs {@code work} in turn and returns its result; its exception passes through. */
  public <T> T take(Supplier<T> work) {
    if (turns == null) {
      return work.get();
    }
    turns.acquireUninterruptibly();
    Turns outer = HELD.get();
    HELD.set(this);
    try {
      return work.get();
    } finally {
      restore(outer);
      turns.release();
    }
  }

  private static void restore(Turns outer) {
    if (outer == null) {
      HELD.remove();
    } else {
      HELD.set(outer);
    }
  }

  /**
   * Runs {@code wait}, work that mostly waits on something else (a call to a remote service),
   * without the turn the current thread holds, if it holds one, and then waits for that turn again;
   * its exception passes through once the turn is back. Outside a turn it just runs.
   */
  public static <T> T giveBackWhile(Supplier<T> wait) {
    Turns held = HELD.get();
    if (held == null) {
      return wait.get();
    }
    HELD.remove();
    held.turns.release();
    try {
      return wait.get();
    } finally {
      held.turns.acquireUninterruptibly();
      HELD.set(held);
    }
  }

  /** How many run at most at once (0: no limit). */
  public int limit() {
    return limit;
  }

  /** About how many callers wait for their turn now. */
  public int waiting() {
    return turns == null ? 0 : turns.getQueueLength();
  }
}
