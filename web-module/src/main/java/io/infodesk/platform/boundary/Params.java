package io.infodesk.platform.boundary;

import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.entity.InvalidInputException;

/** Parses query parameters so that a bad one is a 400 with its name, not JAX-RS's bare 404. */
public final class Params {
  private Params() {}

  /** A numeric id from the path; a 400 naming the thing when it is not a number. */
  public static long id(String thing, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(thing + " id must be a number, not '" + value + "'");
    }
  }

  public static int intParam(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < min || parsed > max) {
        throw new InvalidInputException(name + " must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number, not '" + value + "'");
    }
  }

  /**
   * An optional whole number from a small JSON body such as {@code {"reviewers": 2}}; null when the
   * body is empty or lacks it, a 400 when the body is not JSON or the value not a whole number.
   */
  public static Integer optionalInt(String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    jakarta.json.JsonObject json;
    try (var reader = Jsons.JSON.createReader(new java.io.StringReader(body))) {
      json = reader.readObject();
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "the body must be a JSON object such as {\"" + name + "\": 2}");
    }
    java.util.Set<String> unknown = new java.util.TreeSet<>(json.keySet());
    unknown.remove(name);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "unknown field"
              + (unknown.size() > 1 ? "s " : " ")
              + unknown
              + "; the body takes only \""
              + name
              + "\"");
    }
    jakarta.json.JsonValue v = json.get(name);
    if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
      return n.intValue();
    }
    throw new InvalidInputException(name + " must be a whole number");
  }
}
