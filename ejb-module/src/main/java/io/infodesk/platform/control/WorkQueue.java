package io.infodesk.platform.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Items handled in arrival order by at most {@code limit} workers at once, a worker being started
 * only when one is missing: a backlog of a thousand items holds {@code limit} threads, not a
 * thousand (an EJB {@code @Asynchronous} call per item would fill the container's pool and hold up
 * every other background task behind the backlog). Zero means no limit: a worker per item.
 * Thread-safe.
 */
public final class WorkQueue<T> {

  private final int limit;
  private final Consumer<Runnable> startWorker;
  private final Consumer<T> handle;
  private final Deque<T> waiting = new ArrayDeque<>();
  private int workers;

  /**
   * @param startWorker runs the worker it is given in the background (an {@code @Asynchronous}
   *     call, for one); a worker handles items until none waits
   * @param handle what a worker does with an item; its exception ends that item only
   */
  public WorkQueue(int limit, Consumer<Runnable> startWorker, Consumer<T> handle) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (no limit) or more, not " + limit);
    }
    this.limit = limit;
    this.startWorker = startWorker;
    this.handle = handle;
  }

  /** Queues {@code item}, and starts a worker if fewer than the limit run. */
  public void submit(T item) {
    boolean start;
    synchronized (this) {
      waiting.add(item);
      start = limit == 0 || workers < limit;
      if (start) {
        workers++;
      }
    }
    if (start) {
      try {
        startWorker.accept(this::work);
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          workers--;
          waiting.remove(item);
        }
        throw e;
      }
    }
  }

  /** How many items wait for a worker. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** How many workers run now. */
  public synchronized int workers() {
    return workers;
  }

  private void work() {
    boolean drained = false;
    try {
      for (T item = next(); item != null; item = next()) {
        try {
          handle.accept(item);
        } catch (RuntimeException e) {
          // the handler reports its own failures; the next item must not wait for a new worker
        }
      }
      drained = true;
    } finally {
      if (!drained) {
        // an Error ended this worker: give its place back for the next submit to fill
        synchronized (this) {
          workers--;
        }
      }
    }
  }

  /** The next item, or null after giving up this worker's place when none waits. */
  private synchronized T next() {
    T item = waiting.poll();
    if (item == null) {
      workers--;
    }
    return item;
  }
}
