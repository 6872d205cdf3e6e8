package io.infodesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Runs every migration on H2 (PostgreSQL mode, as the embedded default uses it) and on a real
 * PostgreSQL, then checks the schema that the application relies on. PostgreSQL comes from the
 * {@code infodesk.test.pg.url} property, which {@code .ci/run} sets; without it that half skips.
 */
class MigrationsIT {

  static final List<String> TABLES =
      List.of(
          "app_user",
          "user_role",
          "kb_domain",
          "domain_assignment",
          "api_token",
          "audit_entry",
          "cluster_node",
          "domain_exemplar",
          "kb_source",
          "kb_chunk",
          "interaction",
          "feedback",
          "escalation",
          "router_model",
          "review_item",
          "flywheel_cycle",
          "flywheel_lease",
          "dataset_version",
          "dataset_example",
          "frozen_eval_example",
          "imported_example",
          "review_vote",
          "app_setting");

  @Test
  void migratesH2InPostgresMode() throws Exception {
    String url =
        "jdbc:h2:mem:mig-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    checkDatabase(url, "sa", "", null);
  }

  @Test
  void migratesPostgreSql() throws Exception {
    String url = setting("infodesk.test.pg.url", "INFODESK_TEST_PG_URL");
    assumeTrue(
        !url.isBlank(),
        "PostgreSQL migration test skipped: set INFODESK_TEST_PG_URL=jdbc:postgresql://..."
            + " (or -Dinfodesk.test.pg.url); .ci/run does");
    String user = setting("infodesk.test.pg.user", "INFODESK_TEST_PG_USER");
    String password = setting("infodesk.test.pg.password", "INFODESK_TEST_PG_PASSWORD");
    String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      checkDatabase(url, user, password, schema);
    } finally {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private void checkDatabase(String url, String user, String password, String schema)
      throws SQLException {
    var config =
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    Flyway flyway = config.load();

    // up to V16, with a user assigned to a domain as V16 stored it (by the domain's id)
    MigrateResult first = config.target("16").load().migrate();
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(5);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      if (schema != null) {
        c.setSchema(schema);
      }
      s.executeUpdate(
          "INSERT INTO app_user (id, username, display_name, password_hash, enabled, created_at)"
              + " VALUES (7, 'owner', 'Owner', 'x', TRUE, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO kb_domain (id, domain_key, name, description, active, created_at)"
              + " VALUES (70, 'hr', 'HR', 'people', TRUE, CURRENT_TIMESTAMP)");
      s.executeUpdate("INSERT INTO domain_assignment (user_id, domain_id) VALUES (7, 70)");
    }

    MigrateResult rest = flyway.migrate();
    assertThat(rest.success).isTrue();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      if (schema != null) {
        c.setSchema(schema);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT user_id, domain_key FROM domain_assignment ORDER BY user_id")) {
        assertThat(rs.next()).as("V17 keeps the assignment").isTrue();
        assertThat(rs.getLong(1)).isEqualTo(7);
        assertThat(rs.getString(2)).as("by the domain's key").isEqualTo("hr");
        assertThat(rs.next()).isFalse();
      }
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO domain_assignment (user_id, domain_key) VALUES (7, 'hr')"))
          .as("one assignment per user and key")
          .isInstanceOf(SQLException.class);
    }

    MigrateResult second = flyway.migrate();
    assertThat(second.migrationsExecuted).as("a second start applies nothing").isZero();
    flyway.validate();

    try (Connection c = DriverManager.getConnection(url, user, password)) {
      if (schema != null) {
        c.setSchema(schema);
      }
      assertThat(tables(c, schema)).containsAll(TABLES);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO app_user (id, username, display_name, password_hash, enabled, created_at)"
                + " VALUES (1, 'alice', 'Alice', 'x', TRUE, CURRENT_TIMESTAMP)");
        s.executeUpdate("INSERT INTO user_role (user_id, role_name) VALUES (1, 'admin')");
        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "INSERT INTO user_role (user_id, role_name) VALUES (1, 'root')"))
            .as("unknown roles are refused by the schema")
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "INSERT INTO app_user (id, username, display_name, password_hash, enabled,"
                            + " created_at) VALUES (2, 'alice', 'A2', 'x', TRUE, CURRENT_TIMESTAMP)"))
            .as("user names are unique")
            .isInstanceOf(SQLException.class);
        try (ResultSet rs = s.executeQuery("SELECT nextval('infodesk_seq')")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(1000);
        }
      }
    }
  }

  /** A system property if set, else the environment variable, else empty. */
  static String setting(String property, String variable) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      value = System.getenv().getOrDefault(variable, "");
    }
    return value;
  }

  private static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase());
      }
    }
    return names;
  }
}
