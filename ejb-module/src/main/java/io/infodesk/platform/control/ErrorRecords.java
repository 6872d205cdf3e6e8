package io.infodesk.platform.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A log handler that counts the records at SEVERE (ERROR) this JVM logs, on any logger, and keeps
 * the latest few one-line summaries: what an operator alerts on, and what the bad-input campaign
 * checks did not move.
 */
public final class ErrorRecords extends Handler {

  static final int KEPT = 20;

  private final AtomicLong count = new AtomicLong();
  private final Deque<String> latest = new ArrayDeque<>();
  private final Runnable onRecord;

  /**
   * @param onRecord called once for every record at SEVERE (a metric's counter, say)
   */
  public ErrorRecords(Runnable onRecord) {
    this.onRecord = onRecord;
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || record.getLevel().intValue() < Level.SEVERE.intValue()) {
      return;
    }
    count.incrementAndGet();
    onRecord.run();
    String message = record.getMessage() == null ? "" : record.getMessage();
    String line =
        record.getLoggerName()
            + ": "
            + message.lines().findFirst().orElse("")
            + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")");
    synchronized (latest) {
      latest.addLast(line.length() > 300 ? line.substring(0, 300) : line);
      while (latest.size() > KEPT) {
        latest.removeFirst();
      }
    }
  }

  /** Records at SEVERE since the handler was installed. */
  public long count() {
    return count.get();
  }

  /** The latest records at SEVERE, oldest first, one line each. */
  public List<String> latest() {
    synchronized (latest) {
      return List.copyOf(latest);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
