package io.infodesk.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    // the judge's thresholds, and the answering floor that is also the judge's: cosine similarities
    for (String key :
        List.of("infodesk.answering.min-similarity", "infodesk.judge.misroute-margin")) {
      setting
          .apply(key)
          .ifPresent(
              v -> {
                try {
                  double d = Double.parseDouble(v.trim());
                  if (!(d >= 0 && d <= 1)) {
                    problems.add(
                        key + "='" + v + "' must be between 0 and 1 (a cosine similarity)");
                  }
                } catch (NumberFormatException e) {
                  problems.add(key + "='" + v + "' is not a number");
                }
              });
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
