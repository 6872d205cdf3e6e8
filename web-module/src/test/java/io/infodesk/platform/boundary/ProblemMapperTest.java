package io.infodesk.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  /** How a unique key refused at commit reaches a resource from an EJB's transaction. */
  static Throwable refusedAtCommit(SQLException cause) {
    return new EJBTransactionRolledbackException(
        "Transaction aborted",
        new RollbackException("commit failed", new PersistenceException("insert", cause)));
  }

  @Test
  void twoRequestsThatRaceForOneUniqueRowGetAConflictNotAServerError() {
    // two admins sent the same judge opinion to the SMEs in the same instant: both passed the
    // check for an earlier review item, and uq_review_item_interaction refused the second insert
    for (SQLException unique :
        java.util.List.of(
            // H2
            new SQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: UQ_REVIEW_ITEM_INTERACTION", "23505"),
            // PostgreSQL's driver says it by SQL state alone
            new SQLException(
                "duplicate key value violates unique constraint \"uq_review_item_interaction\"",
                "23505"))) {
      Problem p = ProblemMapper.problemOf(refusedAtCommit(unique), "/api/x");
      assertThat(p.status()).isEqualTo(409);
      assertThat(p.detail())
          .contains("changed by another request at the same time")
          .doesNotContain("uq_review_item_interaction");
    }
  }

  @Test
  void aMissingValueIsTheApplicationsOwnErrorNotARace() {
    Problem p =
        ProblemMapper.problemOf(
            refusedAtCommit(
                new SQLIntegrityConstraintViolationException("NULL not allowed", "23502")),
            "/api/x");
    assertThat(p.status()).isEqualTo(500);
  }

  @Test
  @org.junit.jupiter.api.Timeout(5)
  void aCauseChainThatLoopsIsAServerErrorNotAHang() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(ProblemMapper.problemOf(a, "/api/x").status()).isEqualTo(500);
  }

  @Test
  void anotherDatabaseErrorStaysAServerError() {
    Problem p =
        ProblemMapper.problemOf(refusedAtCommit(new SQLException("disk full", "53100")), "/api/x");
    assertThat(p.status()).isEqualTo(500);
  }

  /** What {@code thrown} makes the mapper log, as records. */
  static java.util.List<java.util.logging.LogRecord> logged(Throwable thrown) {
    java.util.logging.Logger log =
        java.util.logging.Logger.getLogger(ProblemMapper.class.getName());
    java.util.List<java.util.logging.LogRecord> records = new java.util.ArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(java.util.logging.Level.ALL);
    java.util.logging.Level was = log.getLevel();
    log.setLevel(java.util.logging.Level.ALL);
    log.addHandler(handler);
    try {
      ProblemMapper.log(ProblemMapper.problemOf(thrown, "/api/x"), thrown);
    } finally {
      log.removeHandler(handler);
      log.setLevel(was);
    }
    return records;
  }

  @Test
  void aRaceIsLoggedAsARefusalNotAsAnUnexpectedError() {
    // an operator reading the log should not look for a bug behind each lost race
    var records =
        logged(refusedAtCommit(new SQLException("duplicate key value", "23505"))).stream()
            .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue())
            .toList();
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.INFO);
              assertThat(r.getMessage()).contains("409").doesNotContain("Unexpected");
              assertThat(r.getThrown()).isNull();
            });
    var error = logged(new IllegalStateException("a bug"));
    assertThat(error)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
              assertThat(r.getThrown()).isInstanceOf(IllegalStateException.class);
            });
  }
}
