package io.infodesk.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  @Test
  void aValueIsReadOnceUntilItExpires() {
    AtomicInteger reads = new AtomicInteger();
    ApplicationMetrics.Snapshot<Integer> snapshot =
        new ApplicationMetrics.Snapshot<>(reads::incrementAndGet);
    assertThat(snapshot.get()).isEqualTo(1);
    assertThat(snapshot.get()).isEqualTo(1);
    snapshot.expire();
    assertThat(snapshot.get()).isEqualTo(2);
  }

  @Test
  void aReadThatOverlapsAnExpiryIsNotKept() {
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<ApplicationMetrics.Snapshot<Integer>> holder = new AtomicReference<>();
    ApplicationMetrics.Snapshot<Integer> snapshot =
        new ApplicationMetrics.Snapshot<>(
            () -> {
              int n = reads.incrementAndGet();
              if (n == 1) {
                holder.get().expire(); // an ingestion commits while the first read runs
              }
              return n;
            });
    holder.set(snapshot);
    assertThat(snapshot.get()).as("the overlapping read is returned").isEqualTo(1);
    assertThat(snapshot.get()).as("but not kept: the next read sees the commit").isEqualTo(2);
    assertThat(snapshot.get()).isEqualTo(2);
  }
}
