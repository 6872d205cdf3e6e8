package io.infodesk.feedback.control;

import io.infodesk.feedback.entity.Day;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-day monitoring figures from interactions: questions asked, ratings and the share satisfied,
 * median route latency, and guardrail events. Days without traffic are kept (as zeros) so charts
 * show the gaps.
 */
public final class DailyStats {

  /** One interaction as monitoring sees it. */
  public record Event(Instant at, Boolean satisfied, Long routeMicros, int guardrailEvents) {}

  private DailyStats() {}

  /** The {@code days} days up to and including {@code today} (UTC), oldest first. */
  public static List<Day> of(List<Event> events, LocalDate today, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1");
    }
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, List<Event>> byDay = new TreeMap<>();
    for (int i = 0; i < days; i++) {
      byDay.put(first.plusDays(i), new ArrayList<>());
    }
    for (Event e : events) {
      LocalDate d = e.at().atZone(ZoneOffset.UTC).toLocalDate();
      List<Event> bucket = byDay.get(d);
      if (bucket != null) {
        bucket.add(e);
      }
    }
    List<Day> out = new ArrayList<>();
    byDay.forEach(
        (day, list) -> {
          long ratings = list.stream().filter(e -> e.satisfied() != null).count();
          long satisfied = list.stream().filter(e -> Boolean.TRUE.equals(e.satisfied())).count();
          List<Long> latencies =
              list.stream().map(Event::routeMicros).filter(m -> m != null).sorted().toList();
          Double p50 =
              latencies.isEmpty() ? null : latencies.get((latencies.size() - 1) / 2) / 1000.0;
          out.add(
              new Day(
                  day,
                  list.size(),
                  ratings,
                  ratings == 0 ? null : (double) satisfied / ratings,
                  p50,
                  list.stream().mapToLong(Event::guardrailEvents).sum()));
        });
    return out;
  }
}
