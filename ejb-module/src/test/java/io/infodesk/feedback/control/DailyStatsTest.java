package io.infodesk.feedback.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.feedback.control.DailyStats.Event;
import io.infodesk.feedback.entity.Day;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyStatsTest {

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void countsRatesAndMediansPerUtcDayWithEmptyDaysKept() {
    List<Day> days =
        DailyStats.of(
            List.of(
                new Event(at("2026-11-27T09:00:00Z"), true, 1000L, 0),
                new Event(at("2026-11-27T10:00:00Z"), false, 3000L, 2),
                new Event(at("2026-11-27T23:59:59Z"), null, 2000L, 1),
                new Event(at("2026-11-28T00:00:01Z"), true, null, 0),
                new Event(at("2026-11-20T12:00:00Z"), true, 9000L, 5)),
            LocalDate.parse("2026-11-28"),
            3);
    assertThat(days)
        .extracting(Day::day)
        .containsExactly(
            LocalDate.parse("2026-11-26"),
            LocalDate.parse("2026-11-27"),
            LocalDate.parse("2026-11-28"));
    Day empty = days.get(0);
    assertThat(empty.questions()).isZero();
    assertThat(empty.satisfaction()).isNull();
    assertThat(empty.routeP50Millis()).isNull();
    Day busy = days.get(1);
    assertThat(busy.questions()).isEqualTo(3);
    assertThat(busy.ratings()).isEqualTo(2);
    assertThat(busy.satisfaction()).isEqualTo(0.5);
    assertThat(busy.routeP50Millis()).isEqualTo(2.0);
    assertThat(busy.guardrailEvents()).isEqualTo(3);
    assertThat(days.get(2).satisfaction()).isEqualTo(1.0);
    assertThat(days.get(2).routeP50Millis()).isNull();
    assertThatThrownBy(() -> DailyStats.of(List.of(), LocalDate.now(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
