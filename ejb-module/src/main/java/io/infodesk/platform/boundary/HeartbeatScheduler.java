package io.infodesk.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * A non-persistent timer on every node that records the node's heartbeat. Its firing is what the
 * smoke tests check to prove that timers run in both packagings.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class HeartbeatScheduler {

  @EJB ClusterNodeService nodes;

  @PostConstruct
  void started() {
    nodes.register();
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "heartbeat")
  void beat() {
    nodes.beat();
  }
}
