package io.infodesk.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Stores {@link Instant}s in TIMESTAMP WITH TIME ZONE columns. JPA 3.1 (EclipseLink 4.0) has no
 * built-in mapping for Instant and would otherwise serialise it into a binary value. Drivers differ
 * in what they read back (H2 gives OffsetDateTime, PostgreSQL Timestamp), so reading accepts both.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {
  @Override
  public Object convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    throw new IllegalArgumentException("Cannot read an Instant from " + value.getClass());
  }
}
