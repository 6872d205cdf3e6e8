package io.infodesk.flywheel.boundary;

import io.infodesk.flywheel.entity.FlywheelCycle;
import io.infodesk.platform.boundary.NodeIdentity;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Starts flywheel cycles (an admin, the scheduler, later the drift monitor) as the {@code
 * flywheel-cycle} batch job, after taking the cluster-wide lease; and lists them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlywheelService {

  public static final String JOB = "flywheel-cycle";

  @PersistenceContext EntityManager em;
  @EJB CycleLease lease;
  @EJB CycleRecords records;
  @EJB AuditService audit;
  @EJB DriftMonitor drift;
  @Inject NodeIdentity node;

  @RolesAllowed(Role.ADMIN_NAME)
  public FlywheelCycle startByAdmin() {
    FlywheelCycle cycle = start("ADMIN");
    audit.recordNow(
        "FLYWHEEL_STARTED", "flywheel-cycle", String.valueOf(cycle.getId()), "by an admin");
    return cycle;
  }

  /**
   * For the scheduler: no caller, and losing the race to another node is normal, so that returns
   * null and is logged.
   */
  @PermitAll
  public FlywheelCycle startScheduled() {
    try {
      return start("SCHEDULE");
    } catch (ConflictException e) {
      java.util.logging.Logger.getLogger(FlywheelService.class.getName())
          .info("Scheduled flywheel cycle skipped: " + e.getMessage());
      return null;
    }
  }

  /** For the drift monitor: like the scheduler, a cycle already running is fine. */
  @PermitAll
  public FlywheelCycle startOnDrift() {
    try {
      return start("DRIFT");
    } catch (ConflictException e) {
      return null;
    }
  }

  private FlywheelCycle start(String trigger) {
    String holder = node.name() + "/" + UUID.randomUUID();
    if (!lease.acquire(holder, FlywheelSteps.LEASE_TTL)) {
      throw new ConflictException(
          "a flywheel cycle is already running (lease held by " + lease.holder() + ")");
    }
    try {
      FlywheelCycle cycle = records.create(trigger, node.name());
      lease.attach(holder, cycle.getId());
      Properties parameters = new Properties();
      parameters.setProperty("cycleId", String.valueOf(cycle.getId()));
      parameters.setProperty("holder", holder);
      BatchRuntime.getJobOperator().start(JOB, parameters);
      return cycle;
    } catch (RuntimeException e) {
      lease.release(holder);
      throw e;
    }
  }

  /** An admin's drift check on demand (the scheduler runs the same check on its own). */
  @RolesAllowed(Role.ADMIN_NAME)
  public java.util.Optional<String> checkDrift() {
    return drift.check();
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public List<FlywheelCycle> list(int first, int max) {
    return em.createNamedQuery(FlywheelCycle.FIND_ALL, FlywheelCycle.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public FlywheelCycle get(long id) {
    FlywheelCycle c = em.find(FlywheelCycle.class, id);
    if (c == null) {
      throw new UnknownEntityException("no flywheel cycle " + id);
    }
    return c;
  }
}
