package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  final ExecutorService pool = Executors.newCachedThreadPool();
  final AtomicInteger started = new AtomicInteger();

  void start(Runnable worker) {
    started.incrementAndGet();
    pool.execute(worker);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBacklogHoldsOnlyTheLimitsWorkers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(20);
    WorkQueue<Integer> queue =
        new WorkQueue<>(
            2,
            this::start,
            item -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              handled.add(item);
              running.decrementAndGet();
              done.countDown();
            });
    for (int i = 0; i < 20; i++) {
      queue.submit(i);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (running.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(running.get()).as("items handled at once").isEqualTo(2);
    assertThat(queue.workers()).isEqualTo(2);
    assertThat(started.get()).as("workers started for 20 items").isEqualTo(2);
    assertThat(queue.waiting()).isEqualTo(18);
    release.countDown();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(most.get()).isEqualTo(2);
    assertThat(handled).containsExactlyInAnyOrderElementsOf(range(20));
    awaitNoWorkers(queue);
  }

  @Test
  void oneWorkerHandlesItemsStrictlyInOrderAndAFailingItemEndsOnlyItself() throws Exception {
    List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(5);
    WorkQueue<Integer> queue =
        new WorkQueue<>(
            1,
            this::start,
            item -> {
              done.countDown();
              if (item == 2) {
                throw new IllegalStateException("item 2 is broken");
              }
              handled.add(item);
            });
    for (int i = 0; i < 5; i++) {
      queue.submit(i);
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    awaitNoWorkers(queue);
    assertThat(handled).containsExactly(0, 1, 3, 4);
  }

  @Test
  void aWorkerThatCannotStartLeavesNothingBehind() throws Exception {
    AtomicInteger handled = new AtomicInteger();
    boolean[] refuse = {true};
    WorkQueue<Integer> queue =
        new WorkQueue<>(
            1,
            worker -> {
              if (refuse[0]) {
                throw new IllegalStateException("no thread");
              }
              start(worker);
            },
            item -> handled.incrementAndGet());
    assertThatThrownBy(() -> queue.submit(1)).hasMessage("no thread");
    assertThat(queue.workers()).isZero();
    assertThat(queue.waiting()).isZero();
    refuse[0] = false;
    queue.submit(2);
    awaitNoWorkers(queue);
    assertThat(handled.get()).isEqualTo(1);
  }

  @Test
  void zeroMeansAWorkerPerItem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(5);
    WorkQueue<Integer> queue =
        new WorkQueue<>(
            0,
            this::start,
            item -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.countDown();
            });
    for (int i = 0; i < 5; i++) {
      queue.submit(i);
    }
    assertThat(started.get()).isEqualTo(5);
    release.countDown();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    awaitNoWorkers(queue);
  }

  @Test
  void manySubmittersLoseNoItemAndLeaveNoWorker() throws Exception {
    ConcurrentHashMap<Integer, Integer> handled = new ConcurrentHashMap<>();
    WorkQueue<Integer> queue =
        new WorkQueue<>(2, this::start, item -> handled.merge(item, 1, Integer::sum));
    ExecutorService submitters = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int from = t * 500;
      submitters.execute(
          () -> {
            for (int i = from; i < from + 500; i++) {
              queue.submit(i);
            }
          });
    }
    submitters.shutdown();
    assertThat(submitters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    awaitNoWorkers(queue);
    assertThat(handled).hasSize(4000);
    assertThat(handled.values()).containsOnly(1);
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> new WorkQueue<Integer>(-1, this::start, item -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static void awaitNoWorkers(WorkQueue<?> queue) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((queue.workers() > 0 || queue.waiting() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(queue.workers()).as("workers left").isZero();
    assertThat(queue.waiting()).as("items left").isZero();
  }

  static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
