package io.infodesk.flywheel.boundary;

import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.platform.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * On every node with the role {@code train}: a non-persistent calendar timer, its schedule from
 * {@code infodesk.flywheel.schedule} (minute hour day-of-month month day-of-week), that starts a
 * cycle, and a drift check every {@code infodesk.drift.check-minutes}. The lease lets only one
 * node's cycle run; the others' starts are refused and logged. At start-up it also closes cycles
 * that a stopped node left RUNNING.
 */
@Singleton
@Startup
@DependsOn("HeartbeatScheduler")
public class FlywheelScheduler {

  private static final Logger LOG = Logger.getLogger(FlywheelScheduler.class.getName());

  @Resource TimerService timers;
  @EJB FlywheelService flywheel;
  @EJB DriftMonitor drift;
  @Inject NodeIdentity node;
  @Inject Config config;

  @PostConstruct
  void start() {
    flywheel.recoverAbandoned(true);
    String schedule =
        config
            .getOptionalValue("infodesk.flywheel.schedule", String.class)
            .orElse(FlywheelSettings.defaultOf("infodesk.flywheel.schedule"))
            .strip();
    if (!node.has("train") || schedule.isEmpty() || schedule.equals("off")) {
      return;
    }
    String[] f = schedule.split("\\s+");
    if (f.length != 5) {
      throw new IllegalStateException(
          "infodesk.flywheel.schedule='"
              + schedule
              + "' needs 5 fields: minute hour day month weekday");
    }
    ScheduleExpression when =
        new ScheduleExpression()
            .second("0")
            .minute(f[0])
            .hour(f[1])
            .dayOfMonth(f[2])
            .month(f[3])
            .dayOfWeek(f[4]);
    timers.createCalendarTimer(when, new TimerConfig("flywheel-cycle", false));
    String drift =
        config
            .getOptionalValue("infodesk.drift.check-minutes", Integer.class)
            .orElse(Integer.parseInt(FlywheelSettings.defaultOf("infodesk.drift.check-minutes")))
            .toString();
    timers.createCalendarTimer(
        new ScheduleExpression().hour("*").minute("*/" + drift),
        new TimerConfig("drift-check", false));
    LOG.info("Flywheel cycles scheduled on this train node: " + schedule);
  }

  @Timeout
  void fire(jakarta.ejb.Timer timer) {
    if ("drift-check".equals(timer.getInfo())) {
      drift.check();
    } else {
      flywheel.startScheduled();
    }
  }
}
