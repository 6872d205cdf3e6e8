package io.infodesk.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantConverterTest {
  private final InstantConverter converter = new InstantConverter();
  private final Instant now = Instant.parse("2026-11-28T01:58:22.123456789Z");

  @Test
  void roundTripsThroughATimestampToTheNanosecond() {
    assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(now)))
        .isEqualTo(now);
  }

  @Test
  void readsWhatH2AndPostgresReturn() {
    assertThat(converter.convertToEntityAttribute(now.atOffset(ZoneOffset.ofHours(2))))
        .isEqualTo(now);
    assertThat(converter.convertToEntityAttribute(Timestamp.from(now))).isEqualTo(now);
    assertThat(converter.convertToEntityAttribute(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
        .isEqualTo(now);
  }

  @Test
  void keepsNullsAndRefusesStrangers() {
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
    assertThatThrownBy(() -> converter.convertToEntityAttribute("yesterday"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
