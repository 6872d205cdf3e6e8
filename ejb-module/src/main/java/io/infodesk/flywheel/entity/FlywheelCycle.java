package io.infodesk.flywheel.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the flywheel: who started it, each step's status (JSON), the funnel (JSON). */
@Entity
@Table(name = "flywheel_cycle")
@NamedQuery(
    name = FlywheelCycle.FIND_ALL,
    query = "SELECT c FROM FlywheelCycle c ORDER BY c.startedAt DESC, c.id DESC")
@NamedQuery(
    name = FlywheelCycle.FIND_RUNNING,
    query = "SELECT c FROM FlywheelCycle c WHERE c.status = 'RUNNING'")
public class FlywheelCycle {
  public static final String FIND_ALL = "FlywheelCycle.findAll";
  public static final String FIND_RUNNING = "FlywheelCycle.findRunning";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "trigger_by")
  private String trigger;

  @Column(name = "node_name")
  private String node;

  private String status;
  private String steps;
  private String funnel;
  private String failure;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected FlywheelCycle() {}

  public FlywheelCycle(String trigger, String node) {
    this.trigger = trigger;
    this.node = node;
    this.status = "RUNNING";
    this.steps = "{}";
    this.funnel = "{}";
    this.startedAt = Instant.now();
  }

  public void progress(String steps, String funnel) {
    this.steps = steps;
    this.funnel = funnel;
  }

  public void finish(boolean ok, String failure) {
    this.status = ok ? "COMPLETED" : "FAILED";
    this.failure =
        failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000);
    this.finishedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getTrigger() {
    return trigger;
  }

  public String getNode() {
    return node;
  }

  public String getStatus() {
    return status;
  }

  public String getSteps() {
    return steps;
  }

  public String getFunnel() {
    return funnel;
  }

  public String getFailure() {
    return failure;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
