package io.infodesk.platform.boundary;

import io.infodesk.platform.control.ErrorRecords;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts what this node logs at SEVERE, on every logger of the JVM, as the metric {@code
 * infodesk_log_errors_total}, and lets an admin read the latest of those records: a stack trace is
 * for the log, but an operator (and the bad-input campaign) must see that one was written.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ErrorLog {

  /** What a node reports about its errors. */
  public record Errors(long count, List<String> latest) {}

  @Inject MetricRegistry metrics;

  private ErrorRecords records;

  @PostConstruct
  void install() {
    Counter counter =
        metrics.counter(
            Metadata.builder()
                .withName("infodesk.log.errors")
                .withDescription("Records this node logged at SEVERE (ERROR), on any logger")
                .build());
    records = new ErrorRecords(counter::inc);
    Logger.getLogger("").addHandler(records);
  }

  @PreDestroy
  void uninstall() {
    Logger.getLogger("").removeHandler(records);
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public Errors errors() {
    return new Errors(records.count(), records.latest());
  }
}
