package io.infodesk.platform.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The flywheel settings admins see, each with its default, its meaning and, where an admin may
 * change it at run time, its rule. The defaults live here and only here: the services read them
 * through {@link #defaultOf}. Settings without a rule (the schedule, the LLM endpoint) stay in
 * MicroProfile Config and need a restart.
 */
public final class FlywheelSettings {

  /** One setting; {@code rule} is null for configuration-only settings. */
  public record Definition(
      String group,
      String key,
      String defaultValue,
      String meaning,
      Function<String, Optional<String>> rule) {
    public boolean editable() {
      return rule != null;
    }
  }

  private static final Map<String, Definition> ALL = new LinkedHashMap<>();

  static {
    add(
        "Schedule",
        "infodesk.flywheel.schedule",
        "0 3 * * *",
        "when train nodes run a cycle (cron), or off",
        null);
    add(
        "Schedule",
        "infodesk.flywheel.auto-promote",
        "false",
        "promote the best passing candidate without an admin",
        oneOf("true", "false"));
    add(
        "Schedule",
        "infodesk.flywheel.auto-promote-min-eval",
        "20",
        "automatic promotion waits for an admin while the frozen evaluation set has fewer examples"
            + " (with 20, one question moves accuracy by 5 points)",
        whole(1, 1_000_000));
    add(
        "Gates",
        "infodesk.gates.accuracy-tolerance",
        "0.02",
        "accuracy may be at most this below the teacher's, for a candidate cheaper than the"
            + " teacher (the n-gram student against either teacher, the MiniLM student against the"
            + " LLM teacher)",
        number(0, 1));
    add(
        "Gates",
        "infodesk.gates.same-cost-tolerance",
        "0",
        "accuracy may be at most this below the teacher's, for a candidate that costs what the"
            + " teacher does (the MiniLM student against the zero-shot teacher): the tolerance"
            + " above is the price of being cheaper",
        number(0, 1));
    add(
        "Gates",
        "infodesk.gates.max-accuracy-drop",
        "0.01",
        "once a student is live, a candidate's accuracy (on traffic with the out-of-scope share"
            + " below) may be at most this below the live student's, or as much below as the"
            + " held-out examples cannot tell from noise; 1 turns the check off",
        number(0, 1));
    add(
        "Gates",
        "infodesk.gates.max-domain-f1-drop",
        "0.05",
        "no domain's F1, nor the out-of-scope recall, may drop more than this against the"
            + " incumbent (a domain with too few held-out examples to tell the drop from noise is"
            + " allowed that noise)",
        number(0, 1));
    add(
        "Gates",
        "infodesk.gates.p95-budget-micros",
        "1000.0",
        "p95 route latency budget (µs), given the question's MiniLM vector that the ask path"
            + " computes for retrieval anyway",
        number(1, 1e9));
    add(
        "Gates",
        "infodesk.training.out-of-scope-share",
        "0.2",
        "the share of employees' questions that no domain covers: the students' decline thresholds"
            + " are tuned for it, and of the candidates that pass, the one with the best accuracy"
            + " on such traffic is chosen",
        number(0, 0.95));
    add(
        "Drift",
        "infodesk.drift.check-minutes",
        "15",
        "how often train nodes check for drift",
        null);
    add(
        "Drift",
        "infodesk.drift.window",
        "200",
        "ratings and shadow comparisons in the sliding window",
        whole(10, 100_000));
    add("Drift", "infodesk.drift.min-window", "50", "smallest window judged", whole(1, 100_000));
    add(
        "Drift",
        "infodesk.drift.min-satisfaction",
        "0.6",
        "below this satisfaction a cycle starts",
        number(0, 1));
    add(
        "Drift",
        "infodesk.drift.min-agreement",
        "0.8",
        "below this shadow agreement a cycle starts",
        number(0, 1));
    add(
        "Judge and reviews",
        "infodesk.judge.mode",
        "auto",
        "auto, llm or embedded",
        oneOf("auto", "llm", "embedded"));
    add(
        "Judge and reviews",
        "infodesk.judge.satisfied-sample",
        "0.1",
        "share of satisfied ratings judged too",
        number(0, 1));
    add(
        "Judge and reviews",
        "infodesk.review.reviewers",
        "1",
        "votes each review item needs",
        whole(1, 9));
    add(
        "Judge and reviews",
        "infodesk.review.budget",
        "100%",
        "the most review items one judging run creates: a count (40) or a share of the"
            + " interactions it judges (5%); chosen and ordered by the expected gain of a review",
        v -> {
          try {
            reviewBudget(v, 100);
            return Optional.empty();
          } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
          }
        });
    add(
        "Judge and reviews",
        "infodesk.review.consensus",
        "majority",
        "majority or unanimous",
        oneOf("majority", "unanimous"));
    add(
        "LLM endpoint",
        Settings.LLM_BASE_URL,
        "",
        "OpenAI-compatible endpoint; empty: embedded router and extractive answers",
        null);
    add("LLM endpoint", Settings.LLM_MODEL, "", "model name sent to the endpoint", null);
  }

  private FlywheelSettings() {}

  private static void add(
      String group,
      String key,
      String defaultValue,
      String meaning,
      Function<String, Optional<String>> rule) {
    ALL.put(key, new Definition(group, key, defaultValue, meaning, rule));
  }

  /** Every setting, in the order admins see them. */
  public static List<Definition> all() {
    return new ArrayList<>(ALL.values());
  }

  public static Set<String> keys() {
    return ALL.keySet();
  }

  public static boolean isEditable(String key) {
    Definition d = ALL.get(key);
    return d != null && d.editable();
  }

  /** The default of a known setting. */
  public static String defaultOf(String key) {
    Definition d = ALL.get(key);
    if (d == null) {
      throw new IllegalArgumentException("no flywheel setting " + key);
    }
    return d.defaultValue();
  }

  /** Empty when {@code value} is acceptable for {@code key}, else a message naming the key. */
  public static Optional<String> check(String key, String value) {
    if (!isEditable(key)) {
      return Optional.of(key + " cannot be changed at run time (set it in the configuration)");
    }
    if (value == null || value.isBlank()) {
      return Optional.of(key + " needs a value");
    }
    return ALL.get(key)
        .rule()
        .apply(value.strip())
        .map(reason -> key + "='" + value.strip() + "' " + reason);
  }

  /**
   * A number from {@code min} to {@code max}; also the start-up rule of the numeric settings that
   * only the configuration sets ({@link SettingsValidator}). A {@code max} at or above {@code
   * Integer.MAX_VALUE} stands for no bound and is not shown.
   */
  static Function<String, Optional<String>> number(double min, double max) {
    return v -> {
      try {
        return inRange(Double.parseDouble(v), min, max);
      } catch (NumberFormatException e) {
        return Optional.of("is not a number");
      }
    };
  }

  /** A whole number from {@code min} to {@code max} (see {@link #number}). */
  static Function<String, Optional<String>> whole(long min, long max) {
    return v -> {
      try {
        return inRange(Long.parseLong(v), min, max);
      } catch (NumberFormatException e) {
        return Optional.of(isNumber(v) ? "is not a whole number" : "is not a number");
      }
    };
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<String> inRange(double d, double min, double max) {
    if (d >= min && d <= max) {
      return Optional.empty();
    }
    return Optional.of(
        "must be "
            + (max < Integer.MAX_VALUE
                ? "between " + plain(min) + " and " + plain(max)
                : d < min ? "at least " + plain(min) : "at most " + plain(max)));
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

  /**
   * The most review items a cycle may create: a count ({@code "40"}) or a share of the cycle's
   * questions ({@code "5%"}).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static int reviewBudget(String setting, int questions) {
    String s = setting == null ? "" : setting.strip();
    try {
      if (s.endsWith("%")) {
        double share = Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100;
        if (share < 0 || share > 1 || Double.isNaN(share)) {
          throw new IllegalArgumentException("a share must be between 0% and 100%");
        }
        return (int) Math.floor(share * questions + 1e-9);
      }
      int count = Integer.parseInt(s);
      if (count < 0) {
        throw new IllegalArgumentException("a count must not be negative");
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + setting + "' is neither a count (40) nor a share of the questions (5%)");
    }
  }
}
