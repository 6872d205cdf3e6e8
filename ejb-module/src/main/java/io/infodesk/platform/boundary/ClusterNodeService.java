package io.infodesk.platform.boundary;

import io.infodesk.platform.control.NodeIdentity;
import io.infodesk.platform.entity.ClusterNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registry of running nodes, kept fresh by {@link HeartbeatScheduler}. */
@Stateless
public class ClusterNodeService {

  @PersistenceContext EntityManager em;
  @Inject NodeIdentity node;

  /** Registers this node as started now, resetting its heartbeat count. */
  @PermitAll
  public void register() {
    String roles = String.join(",", node.roles());
    ClusterNode existing = em.find(ClusterNode.class, node.name());
    Instant now = Instant.now();
    if (existing == null) {
      em.persist(new ClusterNode(node.name(), roles, now));
    } else {
      existing.restarted(roles, now);
    }
  }

  @PermitAll
  public void beat() {
    ClusterNode self = em.find(ClusterNode.class, node.name());
    if (self == null) {
      register();
    } else {
      self.beat(Instant.now());
    }
  }

  @RolesAllowed("admin")
  public List<ClusterNode> list() {
    return em.createNamedQuery(ClusterNode.FIND_ALL, ClusterNode.class).getResultList();
  }

  /** A node's row, if it ever started. */
  @PermitAll
  public Optional<ClusterNode> find(String name) {
    return Optional.ofNullable(em.find(ClusterNode.class, name));
  }

  /** This node's own row, for the liveness check. */
  @PermitAll
  public Optional<ClusterNode> self() {
    return Optional.ofNullable(em.find(ClusterNode.class, node.name()));
  }
}
