package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ErrorRecordsTest {

  @Test
  void countsOnlySevereRecordsAndKeepsTheLatestFew() {
    AtomicInteger calls = new AtomicInteger();
    ErrorRecords records = new ErrorRecords(calls::incrementAndGet);
    records.publish(new LogRecord(Level.WARNING, "a warning"));
    records.publish(new LogRecord(Level.INFO, "news"));
    assertThat(records.count()).isZero();
    for (int i = 0; i < 30; i++) {
      LogRecord r = new LogRecord(Level.SEVERE, "failure " + i + "\nsecond line");
      r.setLoggerName("io.infodesk.x");
      r.setThrown(new IllegalStateException("boom"));
      records.publish(r);
    }
    assertThat(records.count()).isEqualTo(30);
    assertThat(calls).hasValue(30);
    assertThat(records.latest()).hasSize(ErrorRecords.KEPT);
    assertThat(records.latest().get(ErrorRecords.KEPT - 1))
        .isEqualTo("io.infodesk.x: failure 29 (java.lang.IllegalStateException: boom)");
  }
}
