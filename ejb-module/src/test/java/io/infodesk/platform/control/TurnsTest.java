package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnsTest {

  /** The most callers inside {@code work} at once, with 8 threads taking 200 turns each. */
  static int mostAtOnce(Turns turns) throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      runs.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                  turns.take(
                      () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        Thread.yield();
                        return inside.decrementAndGet();
                      });
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> run : runs) {
      run.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return most.get();
  }

  @Test
  void oneTurnLetsOneCallerInAtATime() throws Exception {
    assertThat(mostAtOnce(new Turns(1))).isEqualTo(1);
    assertThat(mostAtOnce(new Turns(2))).isBetween(1, 2);
  }

  @Test
  void zeroTurnsMeansNoLimit() throws Exception {
    Turns turns = new Turns(0);
    CountDownLatch bothInside = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Boolean>> runs = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      runs.add(
          pool.submit(
              () ->
                  turns.take(
                      () -> {
                        bothInside.countDown();
                        try {
                          return bothInside.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      })));
    }
    for (Future<Boolean> run : runs) {
      assertThat(run.get(30, TimeUnit.SECONDS)).as("both callers inside at once").isTrue();
    }
    pool.shutdown();
  }

  @Test
  void aFailureGivesItsTurnBack() {
    Turns turns = new Turns(1);
    assertThatThrownBy(
            () ->
                turns.take(
                    () -> {
                      throw new IllegalStateException("inference failed");
                    }))
        .hasMessage("inference failed");
    assertThat(turns.take(() -> "next")).isEqualTo("next");
    assertThatThrownBy(() -> new Turns(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsTheCallersWaitingForTheirTurn() throws Exception {
    Turns turns = new Turns(1);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Boolean>> runs = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      runs.add(
          pool.submit(
              () ->
                  turns.take(
                      () -> {
                        inside.countDown();
                        try {
                          return release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      })));
    }
    inside.await(20, TimeUnit.SECONDS);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (turns.waiting() < 2 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(turns.waiting()).isEqualTo(2);
    assertThat(turns.limit()).isEqualTo(1);
    release.countDown();
    for (Future<Boolean> run : runs) {
      assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
    }
    pool.shutdown();
    assertThat(turns.waiting()).isZero();
    assertThat(new Turns(0).waiting()).isZero();
  }

  @Test
  void aCallOutsideGivesTheTurnToTheNextCallerAndTakesItBackAfter() throws Exception {
    Turns turns = new Turns(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(1);
    String result =
        turns.take(
            () ->
                Turns.giveBackWhile(
                    () -> {
                      // with one turn, the other caller can only get in while this one is outside
                      pool.submit(() -> turns.take(() -> (Runnable) otherRan::countDown).run());
                      try {
                        return otherRan.await(20, TimeUnit.SECONDS) ? "other got in" : "blocked";
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                    }));
    assertThat(result).isEqualTo("other got in");
    pool.shutdown();
    // the turn came back and was returned once: one caller at a time still
    assertThat(mostAtOnce(turns)).isEqualTo(1);
  }

  @Test
  void aCallOutsideWithoutATurnGivesNothingBack() throws Exception {
    Turns turns = new Turns(1);
    assertThat(Turns.giveBackWhile(() -> "ran")).isEqualTo("ran");
    assertThatThrownBy(
            () ->
                turns.take(
                    () ->
                        Turns.giveBackWhile(
                            () -> {
                              throw new IllegalStateException("endpoint down");
                            })))
        .hasMessage("endpoint down");
    assertThat(mostAtOnce(turns)).as("no turn was added").isEqualTo(1);
  }
}
