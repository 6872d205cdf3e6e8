package io.infodesk.platform.boundary;

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
}
