package io.infodesk.platform.boundary;

import io.infodesk.platform.control.SettingsValidator;
import io.infodesk.platform.control.StartupState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * First thing at start-up: validates the settings, then brings the schema up to date with Flyway
 * before any other bean touches the database. Other start-up beans name it in {@code @DependsOn}.
 */
@DataSourceDefinition(
    name = DatabaseMigrations.DATA_SOURCE,
    className = "${MPCONFIG=infodesk.db.datasource-class}",
    url = "${MPCONFIG=infodesk.db.url}",
    user = "${MPCONFIG=infodesk.db.user}",
    password = "${MPCONFIG=infodesk.db.password}",
    minPoolSize = 1,
    maxPoolSize = 32)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigrations {

  public static final String DATA_SOURCE = "java:app/jdbc/infodesk";
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Inject Config config;

  private volatile String schemaVersion;
  private volatile String failure;

  @PostConstruct
  void migrate() {
    List<String> problems =
        SettingsValidator.validate(key -> config.getOptionalValue(key, String.class));
    if (!problems.isEmpty()) {
      failure = "Invalid settings: " + String.join("; ", problems);
      LOG.severe(failure);
      StartupState.failed(DatabaseMigrations.class, failure);
      throw new IllegalStateException(failure);
    }
    try {
      Files.createDirectories(Path.of(config.getValue("infodesk.data.dir", String.class)));
      Flyway flyway =
          Flyway.configure(Thread.currentThread().getContextClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load();
      MigrateResult result = flyway.migrate();
      schemaVersion = flyway.info().current().getVersion().getVersion();
      LOG.info(
          () ->
              "Database schema at version "
                  + schemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
    } catch (Exception e) {
      failure = "Database migration failed: " + e.getMessage();
      LOG.severe(failure);
      StartupState.failed(DatabaseMigrations.class, failure);
      throw new IllegalStateException(failure, e);
    }
    StartupState.started(DatabaseMigrations.class);
  }

  /** Runs a trivial query; returns the database product's name or throws. */
  public String pingDatabase() throws java.sql.SQLException {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
      return c.getMetaData().getDatabaseProductName();
    }
  }

  /** The schema version after start-up, or null when the migrations failed. */
  public String schemaVersion() {
    return schemaVersion;
  }

  public String failure() {
    return failure;
  }
}
