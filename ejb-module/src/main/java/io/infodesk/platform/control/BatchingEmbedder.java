package io.infodesk.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Embeds the questions that arrive within a short window as one batch. The first caller of a batch
 * leads it: it waits up to the window (or until the batch is full), takes every question queued
 * meanwhile and embeds them in one call of the model, on its own thread; the others wait for their
 * vector. Batches led by different callers run at the same time, so every core stays busy. A batch
 * that fails fails only its own callers. {@link #close} refuses new questions and waits for the
 * batches under way. Thread-safe.
 */
public final class BatchingEmbedder implements AutoCloseable {

  private record Pending(String text, CompletableFuture<float[]> vector) {}

  /** A batch while it forms: it takes questions until it is full or its leader takes it. */
  private static final class Forming {
    final List<Pending> items = new ArrayList<>();
    boolean taken;
  }

  private final Function<List<String>, float[][]> model;
  private final int maxBatch;
  private final long windowNanos;
  private final Object lock = new Object();
  private Forming forming;
  private int running;
  private boolean closed;

  /**
   * @param model embeds a list of texts, in order
   * @param maxBatch the most questions in one batch (1 or more)
   * @param windowMicros how long the leader waits for more questions
   */
  public BatchingEmbedder(
      Function<List<String>, float[][]> model, int maxBatch, long windowMicros) {
    if (maxBatch < 1 || windowMicros < 0) {
      throw new IllegalArgumentException("maxBatch must be at least 1 and the window not negative");
    }
    this.model = model;
    this.maxBatch = maxBatch;
    this.windowNanos = TimeUnit.MICROSECONDS.toNanos(windowMicros);
  }

  /** The vector of {@code text}, embedded in a batch with the questions that came with it. */
  public float[] embed(String text) {
    Pending mine = new Pending(text, new CompletableFuture<>());
    Forming batch;
    boolean leader = false;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the embedder is closed");
      }
      if (forming == null || forming.taken || forming.items.size() >= maxBatch) {
        // a full or taken batch forms no more: this caller starts and leads the next one
        forming = new Forming();
        leader = true;
      }
      batch = forming;
      batch.items.add(mine);
      if (batch.items.size() >= maxBatch) {
        lock.notifyAll();
      }
      if (leader) {
        // wait for company until the batch is full, the window ends, or the embedder closes
        long deadline = System.nanoTime() + windowNanos;
        long left;
        while (batch.items.size() < maxBatch
            && !closed
            && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        batch.taken = true;
        if (forming == batch) {
          forming = null;
        }
        running++;
      }
    }
    if (leader) {
      run(List.copyOf(batch.items));
    }
    try {
      return mine.vector().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void run(List<Pending> batch) {
    try {
      float[][] vectors = model.apply(batch.stream().map(Pending::text).toList());
      if (vectors.length != batch.size()) {
        throw new IllegalStateException(
            "the model returned " + vectors.length + " vectors for " + batch.size() + " texts");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).vector().complete(vectors[i]);
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.vector().completeExceptionally(e));
    } finally {
      synchronized (lock) {
        running--;
        lock.notifyAll();
      }
    }
  }

  /** Refuses new questions and waits (up to 30 s) until the queued and running batches end. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long left;
      while ((running > 0 || (forming != null && !forming.items.isEmpty()))
          && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
