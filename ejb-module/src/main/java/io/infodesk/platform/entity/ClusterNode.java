package io.infodesk.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A running node with its roles and the last time its heartbeat timer fired. */
@Entity
@Table(name = "cluster_node")
@NamedQuery(name = ClusterNode.FIND_ALL, query = "SELECT n FROM ClusterNode n ORDER BY n.name")
public class ClusterNode {
  public static final String FIND_ALL = "ClusterNode.findAll";

  @Id
  @Column(name = "node_name")
  private String name;

  private String roles;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "last_heartbeat")
  private Instant lastHeartbeat;

  private long heartbeats;

  protected ClusterNode() {}

  public ClusterNode(String name, String roles, Instant startedAt) {
    this.name = name;
    this.roles = roles;
    this.startedAt = startedAt;
    this.lastHeartbeat = startedAt;
  }

  /** Records one firing of the heartbeat timer. */
  public void beat(Instant now) {
    lastHeartbeat = now;
    heartbeats++;
  }

  public void restarted(String roles, Instant now) {
    this.roles = roles;
    this.startedAt = now;
    this.lastHeartbeat = now;
    this.heartbeats = 0;
  }

  public String getName() {
    return name;
  }

  public String getRoles() {
    return roles;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getLastHeartbeat() {
    return lastHeartbeat;
  }

  public long getHeartbeats() {
    return heartbeats;
  }
}
