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

  /** Whether the current thread holds a turn (so that {@link #outside} can give it back). */
  private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

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
    holding.set(true);
    try {
      return work.get();
    } finally {
      holding.set(false);
      turns.release();
    }
  }

  /**
   * Runs {@code wait}, work that mostly waits on something else (a remote call), without the turn
   * the current thread holds, if it holds one, and then waits for a turn again; its exception
   * passes through once the turn is back. Outside a turn it just runs {@code wait}.
   */
  public <T> T outside(Supplier<T> wait) {
    if (turns == null || !holding.get()) {
      return wait.get();
    }
    holding.set(false);
    turns.release();
    try {
      return wait.get();
    } finally {
      turns.acquireUninterruptibly();
      holding.set(true);
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
