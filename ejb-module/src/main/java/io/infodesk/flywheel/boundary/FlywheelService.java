package io.infodesk.flywheel.boundary;

import io.infodesk.flywheel.control.CycleLease;
import io.infodesk.flywheel.control.CycleRecords;
import io.infodesk.flywheel.entity.FlywheelCycle;
import io.infodesk.platform.control.NodeIdentity;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.entity.ClusterNode;
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
import java.time.Instant;
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

  /** An admin's training run on its own: the cycle's train step, recorded like a cycle. */
  public static final String TRAINING_JOB = "model-training";

  @PersistenceContext EntityManager em;
  @Inject CycleLease lease;
  @Inject CycleRecords records;
  @EJB AuditService audit;
  @EJB DriftMonitor drift;
  @Inject NodeIdentity node;
  @EJB io.infodesk.platform.boundary.ClusterNodeService nodes;
  @Inject org.eclipse.microprofile.config.Config config;

  @RolesAllowed(Role.ADMIN_NAME)
  public FlywheelCycle startByAdmin() {
    FlywheelCycle cycle = start("ADMIN", JOB);
    audit.recordNow(
        "FLYWHEEL_STARTED", "flywheel-cycle", String.valueOf(cycle.getId()), "by an admin");
    return cycle;
  }

  /**
   * An admin's training run in the background: the train step alone (build a dataset, train,
   * evaluate and gate the students), recorded and polled like a cycle, under the same lease.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public FlywheelCycle startTraining() {
    FlywheelCycle cycle = start("TRAINING", TRAINING_JOB);
    audit.recordNow(
        "TRAINING_STARTED", "flywheel-cycle", String.valueOf(cycle.getId()), "by an admin");
    return cycle;
  }

  /**
   * For the scheduler: no caller, and losing the race to another node is normal, so that returns
   * null and is logged.
   */
  @PermitAll
  public FlywheelCycle startScheduled() {
    try {
      return start("SCHEDULE", JOB);
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
      return start("DRIFT", JOB);
    } catch (ConflictException e) {
      return null;
    }
  }

  private FlywheelCycle start(String trigger, String job) {
    String holder = node.name() + "/" + UUID.randomUUID();
    if (!lease.acquire(holder, FlywheelSteps.LEASE_TTL)
        && !(recoverAbandoned(false) && lease.acquire(holder, FlywheelSteps.LEASE_TTL))) {
      throw new ConflictException(
          "a flywheel cycle is already running (lease held by " + lease.holder() + ")");
    }
    try {
      FlywheelCycle cycle = records.create(trigger, node.name());
      lease.attach(holder, cycle.getId());
      Properties parameters = new Properties();
      parameters.setProperty("cycleId", String.valueOf(cycle.getId()));
      parameters.setProperty("holder", holder);
      BatchRuntime.getJobOperator().start(job, parameters);
      return cycle;
    } catch (RuntimeException e) {
      lease.release(holder);
      throw e;
    }
  }

  /**
   * Frees the lease of a cycle whose node died (this node before a restart, or a node whose
   * heartbeat stopped a minute ago) and marks every orphaned RUNNING cycle FAILED. The train step
   * commits its candidates only at its end and promotion is one transaction, so the previous model
   * stays active and nothing is half-promoted.
   *
   * @param startingUp true while this node starts, when no cycle of its own can be running
   * @return true when the lease was freed
   */
  @PermitAll
  public boolean recoverAbandoned(boolean startingUp) {
    String holder = lease.holder();
    boolean freed = false;
    if (holder != null) {
      String holderNode = holder.substring(0, Math.max(0, holder.lastIndexOf('/')));
      ClusterNode row = nodes.find(holderNode).orElse(null);
      boolean dead =
          (startingUp && holderNode.equals(node.name()))
              || row == null
              || row.getLastHeartbeat().isBefore(Instant.now().minus(heartbeatSilence()));
      if (!dead) {
        return false;
      }
      lease.release(holder);
      freed = true;
    }
    for (FlywheelCycle c :
        em.createNamedQuery(FlywheelCycle.FIND_RUNNING, FlywheelCycle.class).getResultList()) {
      records.finish(
          c.getId(),
          false,
          "interrupted: the node running it stopped; the previous model stayed active");
      java.util.logging.Logger.getLogger(FlywheelService.class.getName())
          .warning("Flywheel cycle " + c.getId() + " was interrupted by a node failure");
    }
    return freed;
  }

  private java.time.Duration heartbeatSilence() {
    return java.time.Duration.ofSeconds(
        config
            .getOptionalValue(Settings.HEARTBEAT_SILENCE, Integer.class)
            .orElse(Settings.DEFAULT_HEARTBEAT_SILENCE_SECONDS));
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
