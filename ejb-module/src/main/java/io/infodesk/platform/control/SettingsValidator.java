package io.infodesk.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the settings that start-up depends on and explains each bad one by the name of its key, so
 * that an operator can fix it without reading a stack trace.
 */
public final class SettingsValidator {

  public static final Set<String> NODE_ROLES = Set.of("serve", "train");

  /** The default password of the embedded H2 database, refused for PostgreSQL. */
  public static final String EMBEDDED_H2_PASSWORD = "infodesk-embedded";

  private SettingsValidator() {}

  /** Run-time settings with a check of their own in {@link #validate}. */
  private static final Set<String> CHECKED_BELOW =
      Set.of("infodesk.review.reviewers", "infodesk.review.consensus", "infodesk.judge.mode");

  /**
   * The numeric settings read from the configuration only, with {@link FlywheelSettings}' number
   * rules (the run-time settings have theirs there); a type's limit is the bound of a count.
   */
  static final List<Map.Entry<String, Function<String, Optional<String>>>> NUMBERS =
      List.of(
          // cosine similarities and shares
          Map.entry("infodesk.answering.min-similarity", FlywheelSettings.number(0, 1)),
          Map.entry("infodesk.judge.misroute-margin", FlywheelSettings.number(0, 1)),
          Map.entry("infodesk.feedback.rephrase-similarity", FlywheelSettings.number(0, 1)),
          Map.entry("infodesk.guardrails.grounding-min-support", FlywheelSettings.number(0, 1)),
          Map.entry("infodesk.routing.zero-shot.threshold", FlywheelSettings.number(0, 1)),
          Map.entry("infodesk.routing.zero-shot.percentile", FlywheelSettings.number(0, 1)),
          // prices
          Map.entry(
              "infodesk.cost.cpu-usd-per-hour",
              FlywheelSettings.number(0, Double.POSITIVE_INFINITY)),
          Map.entry(
              "infodesk.cost.gpu-usd-per-hour",
              FlywheelSettings.number(0, Double.POSITIVE_INFINITY)),
          Map.entry(
              "infodesk.cost.llm-usd-per-million-tokens",
              FlywheelSettings.number(0, Double.POSITIVE_INFINITY)),
          // counts and durations
          Map.entry("infodesk.llm.timeout-seconds", FlywheelSettings.whole(1, Integer.MAX_VALUE)),
          Map.entry("infodesk.training.max-epochs", FlywheelSettings.whole(1, Integer.MAX_VALUE)),
          Map.entry("infodesk.training.patience", FlywheelSettings.whole(0, Integer.MAX_VALUE)),
          Map.entry("infodesk.embedding.concurrency", FlywheelSettings.whole(0, Integer.MAX_VALUE)),
          Map.entry(
              "infodesk.embedding.question-cache", FlywheelSettings.whole(0, Integer.MAX_VALUE)),
          Map.entry(
              "infodesk.embedding.batch-window-micros", FlywheelSettings.whole(0, Long.MAX_VALUE)),
          Map.entry("infodesk.ingestion.max-bytes", FlywheelSettings.whole(1, Long.MAX_VALUE)));

  /**
   * @param setting looks a key up; empty when it is not set
   * @return one message per bad setting, each starting with the key
   */
  public static List<String> validate(Function<String, Optional<String>> setting) {
    List<String> problems = new ArrayList<>();

    String dataDir = setting.apply(Settings.DATA_DIR).orElse("");
    if (dataDir.isBlank()) {
      problems.add(Settings.DATA_DIR + " must name a folder, but it is empty");
    } else {
      try {
        Path dir = Path.of(dataDir).toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
          problems.add(Settings.DATA_DIR + "='" + dataDir + "' is a file, not a folder");
        } else if (Files.exists(dir) && !Files.isWritable(dir)) {
          problems.add(Settings.DATA_DIR + "='" + dataDir + "' is not writable");
        }
      } catch (InvalidPathException e) {
        problems.add(
            Settings.DATA_DIR + "='" + dataDir + "' is not a valid path: " + e.getReason());
      }
    }

    String url = setting.apply(Settings.DB_URL).orElse("");
    String dsClass = setting.apply(Settings.DB_DATASOURCE_CLASS).orElse("");
    if (url.startsWith("jdbc:h2:")) {
      if (!dsClass.startsWith("org.h2.")) {
        problems.add(
            Settings.DB_DATASOURCE_CLASS
                + "='"
                + dsClass
                + "' does not match the H2 URL in "
                + Settings.DB_URL
                + "; use org.h2.jdbcx.JdbcDataSource");
      }
    } else if (url.startsWith("jdbc:postgresql:")) {
      if (setting.apply(Settings.DB_PASSWORD).orElse("").equals(EMBEDDED_H2_PASSWORD)) {
        problems.add(
            Settings.DB_PASSWORD
                + " still has the embedded H2 default; set the PostgreSQL password for "
                + Settings.DB_URL);
      }
      if (!dsClass.startsWith("org.postgresql.")) {
        problems.add(
            Settings.DB_DATASOURCE_CLASS
                + "='"
                + dsClass
                + "' does not match the PostgreSQL URL in "
                + Settings.DB_URL
                + "; use org.postgresql.ds.PGSimpleDataSource");
      }
    } else {
      problems.add(
          Settings.DB_URL
              + "='"
              + url
              + "' is not supported: use a jdbc:h2: or a jdbc:postgresql: URL");
    }

    String roles = setting.apply(Settings.NODE_ROLES).orElse("");
    for (String role : roles.split(",")) {
      String r = role.trim().toLowerCase(Locale.ROOT);
      if (!r.isEmpty() && !NODE_ROLES.contains(r)) {
        problems.add(
            Settings.NODE_ROLES + " has the unknown role '" + role.trim() + "'; use serve, train");
      }
    }

    setting
        .apply(Settings.DEMO)
        .filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
        .ifPresent(v -> problems.add(Settings.DEMO + "='" + v + "' must be true or false"));

    setting
        .apply(Settings.LLM_BASE_URL)
        .filter(v -> !v.isBlank())
        .ifPresent(
            v -> {
              if (!isHttpUrl(v)) {
                problems.add(
                    Settings.LLM_BASE_URL
                        + "='"
                        + v
                        + "' is not an http(s) URL such as http://127.0.0.1:8000/v1");
              } else if (setting.apply(Settings.LLM_MODEL).filter(m -> !m.isBlank()).isEmpty()) {
                problems.add(
                    Settings.LLM_MODEL + " must be set when " + Settings.LLM_BASE_URL + " is set");
              }
            });

    setting
        .apply(Settings.PBKDF2_ITERATIONS)
        .ifPresent(
            v -> {
              try {
                if (Integer.parseInt(v.trim()) < 10_000) {
                  problems.add(Settings.PBKDF2_ITERATIONS + "='" + v + "' must be at least 10000");
                }
              } catch (NumberFormatException e) {
                problems.add(Settings.PBKDF2_ITERATIONS + "='" + v + "' is not a number");
              }
            });

    between(setting, "infodesk.review.reviewers", 1, 9, "between 1 and 9", problems);
    between(
        setting,
        Settings.HEARTBEAT_SILENCE,
        15,
        3600,
        "between 15 (three heartbeats) and 3600 seconds",
        problems);
    between(
        setting,
        "infodesk.embedding.max-tokens",
        MiniLmEmbedder.MIN_TOKENS,
        MiniLmEmbedder.MODEL_MAX_TOKENS,
        "between "
            + MiniLmEmbedder.MIN_TOKENS
            + " and "
            + MiniLmEmbedder.MODEL_MAX_TOKENS
            + " word pieces (the model's window)",
        problems);
    for (Map.Entry<String, Function<String, Optional<String>>> number : NUMBERS) {
      ruled(setting, number.getKey(), number.getValue(), problems);
    }
    // the run-time settings given in the configuration: the rules an admin's change must pass
    // (RuntimeSettings reads the configuration's value when no admin has changed it)
    for (FlywheelSettings.Definition d : FlywheelSettings.all()) {
      if (d.editable() && !CHECKED_BELOW.contains(d.key())) {
        ruled(setting, d.key(), d.rule(), problems);
      }
    }
    setting
        .apply("infodesk.review.consensus")
        .filter(v -> !Set.of("majority", "unanimous").contains(v.trim().toLowerCase(Locale.ROOT)))
        .ifPresent(
            v ->
                problems.add(
                    "infodesk.review.consensus='" + v + "' must be majority or unanimous"));
    setting
        .apply("infodesk.judge.mode")
        .filter(v -> !Set.of("auto", "llm", "embedded").contains(v.trim()))
        .ifPresent(
            v -> problems.add("infodesk.judge.mode='" + v + "' must be auto, llm or embedded"));

    Optional<String> bootstrapUser =
        setting.apply(Settings.BOOTSTRAP_ADMIN_USER).filter(v -> !v.isBlank());
    Optional<String> bootstrapPassword =
        setting.apply(Settings.BOOTSTRAP_ADMIN_PASSWORD).filter(v -> !v.isBlank());
    if (bootstrapUser.isPresent() != bootstrapPassword.isPresent()) {
      problems.add(
          Settings.BOOTSTRAP_ADMIN_USER
              + " and "
              + Settings.BOOTSTRAP_ADMIN_PASSWORD
              + " must be set together");
    }
    bootstrapPassword
        .filter(p -> p.length() < 12)
        .ifPresent(
            p ->
                problems.add(
                    Settings.BOOTSTRAP_ADMIN_PASSWORD + " must have at least 12 characters"));
    return problems;
  }

  /**
   * The problem with the configured value of {@code key} under {@code rule}, as FlywheelSettings
   * words it.
   */
  private static void ruled(
      Function<String, Optional<String>> setting,
      String key,
      Function<String, Optional<String>> rule,
      List<String> problems) {
    setting
        .apply(key)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .ifPresent(
            v -> rule.apply(v).ifPresent(reason -> problems.add(key + "='" + v + "' " + reason)));
  }

  /** A whole number from {@code min} to {@code max}, when the setting is there. */
  private static void between(
      Function<String, Optional<String>> setting,
      String key,
      int min,
      int max,
      String range,
      List<String> problems) {
    setting
        .apply(key)
        .ifPresent(
            v -> {
              try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                  problems.add(key + "='" + v + "' must be " + range);
                }
              } catch (NumberFormatException e) {
                problems.add(key + "='" + v + "' is not a number");
              }
            });
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
