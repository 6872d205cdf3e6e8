package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsValidatorTest {

  @TempDir Path dir;

  Map<String, String> defaults() {
    Map<String, String> s = new HashMap<>();
    s.put(Settings.DATA_DIR, dir.toString());
    s.put(Settings.DB_URL, "jdbc:h2:file:" + dir + "/db/infodesk;MODE=PostgreSQL");
    s.put(Settings.DB_DATASOURCE_CLASS, "org.h2.jdbcx.JdbcDataSource");
    s.put(Settings.DB_PASSWORD, SettingsValidator.EMBEDDED_H2_PASSWORD);
    s.put(Settings.NODE_ROLES, "serve, train");
    s.put(Settings.DEMO, "false");
    return s;
  }

  List<String> validate(Map<String, String> settings) {
    return SettingsValidator.validate(k -> Optional.ofNullable(settings.get(k)));
  }

  @Test
  void theEmbeddedDefaultsAreValid() {
    assertThat(validate(defaults())).isEmpty();
  }

  @Test
  void postgresWithItsOwnPasswordAndDriverIsValid() {
    Map<String, String> s = defaults();
    s.put(Settings.DB_URL, "jdbc:postgresql://127.0.0.1:5432/infodesk");
    s.put(Settings.DB_DATASOURCE_CLASS, "org.postgresql.ds.PGSimpleDataSource");
    s.put(Settings.DB_PASSWORD, "s3cret-from-vault");
    assertThat(validate(s)).isEmpty();
  }

  @Test
  void eachBadSettingIsNamedInItsMessage() {
    record Case(String key, String value, String expected) {}
    for (Case c :
        List.of(
            new Case(Settings.DB_URL, "jdbc:mysql://x/y", Settings.DB_URL),
            new Case(
                Settings.DB_DATASOURCE_CLASS,
                "org.postgresql.ds.PGSimpleDataSource",
                Settings.DB_DATASOURCE_CLASS),
            new Case(Settings.NODE_ROLES, "serve,cook", "cook"),
            new Case(Settings.DEMO, "yes", Settings.DEMO),
            new Case(Settings.LLM_BASE_URL, "ftp://llm", Settings.LLM_BASE_URL),
            new Case(Settings.LLM_BASE_URL, "http://127.0.0.1:8000/v1", Settings.LLM_MODEL),
            new Case(Settings.PBKDF2_ITERATIONS, "10", Settings.PBKDF2_ITERATIONS),
            new Case(Settings.PBKDF2_ITERATIONS, "many", Settings.PBKDF2_ITERATIONS),
            new Case(Settings.BOOTSTRAP_ADMIN_USER, "root", Settings.BOOTSTRAP_ADMIN_PASSWORD),
            new Case(Settings.DATA_DIR, "", Settings.DATA_DIR),
            new Case("infodesk.review.reviewers", "0", "between 1 and 9"),
            new Case("infodesk.review.reviewers", "two", "infodesk.review.reviewers"),
            new Case("infodesk.cluster.heartbeat-silence-seconds", "5", "between 15"),
            new Case("infodesk.cluster.heartbeat-silence-seconds", "soon", "not a number"),
            new Case("infodesk.embedding.max-tokens", "512", "between 16 and 256"),
            new Case("infodesk.embedding.max-tokens", "8", "infodesk.embedding.max-tokens"),
            new Case("infodesk.embedding.max-tokens", "all", "not a number"),
            new Case("infodesk.review.consensus", "loudest", "majority or unanimous"),
            new Case("infodesk.judge.mode", "oracle", "infodesk.judge.mode"),
            new Case("infodesk.judge.misroute-margin", "-0.1", "between 0 and 1"),
            new Case("infodesk.judge.misroute-margin", "wide", "not a number"),
            new Case("infodesk.answering.min-similarity", "1.5", "between 0 and 1"),
            new Case("infodesk.answering.min-similarity", "high", "not a number"),
            new Case("infodesk.feedback.rephrase-similarity", "2", "between 0 and 1"),
            new Case("infodesk.cost.gpu-usd-per-hour", "-1", "at least 0"),
            new Case("infodesk.llm.timeout-seconds", "0", "at least 1"),
            new Case("infodesk.training.max-epochs", "2.5", "whole number"),
            new Case("infodesk.ingestion.max-bytes", "20MB", "not a number"),
            new Case("infodesk.embedding.question-cache", "1e4", "whole number"),
            new Case("infodesk.gates.accuracy-tolerance", "loose", "not a number"),
            new Case("infodesk.drift.window", "5", "between 10"),
            new Case("infodesk.flywheel.auto-promote", "yes", "one of true, false"),
            new Case("infodesk.review.budget", "lots", "infodesk.review.budget"))) {
      Map<String, String> s = defaults();
      s.put(c.key(), c.value());
      assertThat(validate(s)).as(c.toString()).hasSize(1).first().asString().contains(c.expected());
    }
  }

  @Test
  void postgresRefusesTheEmbeddedPassword() {
    Map<String, String> s = defaults();
    s.put(Settings.DB_URL, "jdbc:postgresql://127.0.0.1:5432/infodesk");
    s.put(Settings.DB_DATASOURCE_CLASS, "org.postgresql.ds.PGSimpleDataSource");
    assertThat(validate(s)).singleElement().asString().contains(Settings.DB_PASSWORD);
  }

  @Test
  void aDataFolderThatIsAFileIsRefused() throws Exception {
    Path file = Files.createFile(dir.resolve("not-a-folder"));
    Map<String, String> s = defaults();
    s.put(Settings.DATA_DIR, file.toString());
    assertThat(validate(s)).singleElement().asString().contains(Settings.DATA_DIR, "is a file");
  }

  @Test
  void aShortBootstrapPasswordIsRefused() {
    Map<String, String> s = defaults();
    s.put(Settings.BOOTSTRAP_ADMIN_USER, "root");
    s.put(Settings.BOOTSTRAP_ADMIN_PASSWORD, "short");
    assertThat(validate(s)).singleElement().asString().contains("12 characters");
  }
}
