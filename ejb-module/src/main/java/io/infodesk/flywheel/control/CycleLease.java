package io.infodesk.flywheel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The database lease that lets exactly one flywheel cycle run in the cluster. Taking it is one
 * conditional UPDATE, so two nodes (or two clicks) racing for it cannot both win; it expires, so a
 * holder that died does not block the next cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CycleLease {

  static final String NAME = "flywheel-cycle";

  @PersistenceContext EntityManager em;

  /** True when {@code holder} now holds the lease for {@code ttl}. */
  public boolean acquire(String holder, Duration ttl) {
    Instant now = Instant.now();
    int updated =
        em.createNativeQuery(
                "UPDATE flywheel_lease SET holder = ?1, cycle_id = NULL, expires_at = ?2"
                    + " WHERE lease_name = ?3 AND (holder IS NULL OR expires_at < ?4)")
            .setParameter(1, holder)
            .setParameter(2, Timestamp.from(now.plus(ttl)))
            .setParameter(3, NAME)
            .setParameter(4, Timestamp.from(now))
            .executeUpdate();
    return updated == 1;
  }

  public void attach(String holder, long cycleId) {
    em.createNativeQuery(
            "UPDATE flywheel_lease SET cycle_id = ?1 WHERE lease_name = ?2 AND holder = ?3")
        .setParameter(1, cycleId)
        .setParameter(2, NAME)
        .setParameter(3, holder)
        .executeUpdate();
  }

  public void renew(String holder, Duration ttl) {
    em.createNativeQuery(
            "UPDATE flywheel_lease SET expires_at = ?1 WHERE lease_name = ?2 AND holder = ?3")
        .setParameter(1, Timestamp.from(Instant.now().plus(ttl)))
        .setParameter(2, NAME)
        .setParameter(3, holder)
        .executeUpdate();
  }

  public void release(String holder) {
    em.createNativeQuery(
            "UPDATE flywheel_lease SET holder = NULL, cycle_id = NULL, expires_at = NULL WHERE lease_name = ?1 AND holder = ?2")
        .setParameter(1, NAME)
        .setParameter(2, holder)
        .executeUpdate();
  }

  /** Who holds the lease now, or null. */
  public String holder() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT holder, expires_at FROM flywheel_lease WHERE lease_name = ?1")
                .setParameter(1, NAME)
                .getSingleResult();
    if (row[0] == null || row[1] == null) {
      return null;
    }
    Instant expires =
        row[1] instanceof Timestamp t
            ? t.toInstant()
            : ((java.time.OffsetDateTime) row[1]).toInstant();
    return expires.isAfter(Instant.now()) ? (String) row[0] : null;
  }
}
