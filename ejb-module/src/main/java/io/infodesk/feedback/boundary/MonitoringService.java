package io.infodesk.feedback.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.control.DailyStats;
import io.infodesk.feedback.entity.Day;
import io.infodesk.platform.control.Jsons;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admins' monitoring: questions, satisfaction, route latency and guardrail events per day, as
 * charts, over the last days of traffic.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class MonitoringService {

  /** The days of the monitoring page, oldest first (the portal draws them). */
  public record Monitoring(List<Day> days) {
    public List<Day> getDays() {
      return days;
    }

    public long getQuestions() {
      return days.stream().mapToLong(Day::questions).sum();
    }
  }

  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject Ratings ratings;

  public Monitoring lastDays(int days) {
    int n = Math.max(1, Math.min(days, 90));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant since = today.minusDays(n - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Interaction> interactions = log.since(since, 50_000);
    Map<Long, Boolean> satisfied = new HashMap<>();
    ratings
        .givenSince(since)
        .forEach(f -> satisfied.put(f.getInteractionId(), "up".equals(f.getRating())));
    List<DailyStats.Event> events = new ArrayList<>();
    for (Interaction i : interactions) {
      events.add(
          new DailyStats.Event(
              i.getCreatedAt(),
              satisfied.get(i.getId()),
              routeMicros(i.getLatencies()),
              guardrailEvents(i.getGuardrailEvents())));
    }
    List<Day> stats = DailyStats.of(events, today, n);
    return new Monitoring(stats);
  }

  static Long routeMicros(String latencies) {
    JsonObject o = read(latencies, "{}").asJsonObject();
    return o.get("route") instanceof JsonNumber n ? n.longValue() : null;
  }

  static int guardrailEvents(String events) {
    return read(events, "[]") instanceof JsonArray a ? a.size() : 0;
  }

  private static jakarta.json.JsonStructure read(String json, String empty) {
    try (var reader =
        Jsons.JSON.createReader(new StringReader(json == null || json.isBlank() ? empty : json))) {
      return reader.read();
    }
  }
}
