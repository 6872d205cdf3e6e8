package io.infodesk.platform.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings an admin may change at run time, each with its rule. Everything else (database, node
 * roles, the schedule, the LLM endpoint) stays in MicroProfile Config and needs a restart.
 */
public final class EditableSettings {

  /** Checks a value; empty when it is fine, else the reason. */
  private static final Map<String, Function<String, Optional<String>>> RULES =
      new LinkedHashMap<>();

  static {
    RULES.put("infodesk.gates.accuracy-tolerance", number(0, 1));
    RULES.put("infodesk.gates.max-domain-f1-drop", number(0, 1));
    RULES.put("infodesk.gates.p95-budget-micros", number(1, 1e9));
    RULES.put("infodesk.flywheel.auto-promote", oneOf("true", "false"));
    RULES.put("infodesk.drift.window", whole(10, 100_000));
    RULES.put("infodesk.drift.min-window", whole(1, 100_000));
    RULES.put("infodesk.drift.min-satisfaction", number(0, 1));
    RULES.put("infodesk.drift.min-agreement", number(0, 1));
    RULES.put("infodesk.judge.mode", oneOf("auto", "llm", "embedded"));
    RULES.put("infodesk.judge.satisfied-sample", number(0, 1));
    RULES.put("infodesk.review.reviewers", whole(1, 9));
    RULES.put("infodesk.review.consensus", oneOf("majority", "unanimous"));
  }

  private EditableSettings() {}

  public static Set<String> keys() {
    return RULES.keySet();
  }

  public static boolean isEditable(String key) {
    return RULES.containsKey(key);
  }

  /** Empty when {@code value} is acceptable for {@code key}, else a message naming the key. */
  public static Optional<String> check(String key, String value) {
    Function<String, Optional<String>> rule = RULES.get(key);
    if (rule == null) {
      return Optional.of(key + " cannot be changed at run time (set it in the configuration)");
    }
    if (value == null || value.isBlank()) {
      return Optional.of(key + " needs a value");
    }
    return rule.apply(value.strip()).map(reason -> key + "='" + value.strip() + "' " + reason);
  }

  private static Function<String, Optional<String>> number(double min, double max) {
    return v -> {
      try {
        double d = Double.parseDouble(v);
        return d >= min && d <= max
            ? Optional.empty()
            : Optional.of("must be between " + plain(min) + " and " + plain(max));
      } catch (NumberFormatException e) {
        return Optional.of("is not a number");
      }
    };
  }

  private static Function<String, Optional<String>> whole(int min, int max) {
    return v -> {
      try {
        int i = Integer.parseInt(v);
        return i >= min && i <= max
            ? Optional.empty()
            : Optional.of("must be between " + min + " and " + max);
      } catch (NumberFormatException e) {
        return Optional.of("is not a whole number");
      }
    };
  }

  private static Function<String, Optional<String>> oneOf(String... values) {
    return v ->
        Set.of(values).contains(v.toLowerCase(Locale.ROOT))
            ? Optional.empty()
            : Optional.of("must be one of " + String.join(", ", values));
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
