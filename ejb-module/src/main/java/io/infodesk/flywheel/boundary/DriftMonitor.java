package io.infodesk.flywheel.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.flywheel.control.DriftDetector;
import io.infodesk.platform.control.Jsons;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Watches satisfaction and live-versus-shadow agreement over sliding windows and starts a cycle
 * (trigger DRIFT) when either falls below its configured threshold. Called by the scheduler.
 */
@Stateless
@PermitAll
public class DriftMonitor {

  private static final Logger LOG = Logger.getLogger(DriftMonitor.class.getName());

  @jakarta.inject.Inject io.infodesk.feedback.boundary.Ratings ratings;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @EJB FlywheelService flywheel;
  @EJB io.infodesk.platform.boundary.RuntimeSettings settings;

  /** The reason a cycle was started, or empty. */
  public Optional<String> check() {
    int window = settings.whole("infodesk.drift.window");
    DriftDetector detector =
        new DriftDetector(
            new DriftDetector.Thresholds(
                settings.number("infodesk.drift.min-satisfaction"),
                settings.number("infodesk.drift.min-agreement"),
                settings.whole("infodesk.drift.min-window")));
    List<Boolean> satisfied =
        ratings.latest(window).stream().map(f -> "up".equals(f.getRating())).toList();
    List<Boolean> agreed = new ArrayList<>();
    for (Interaction i : log.latestShadowed(window)) {
      try (var reader = Jsons.JSON.createReader(new StringReader(i.getShadowPredictions()))) {
        for (JsonObject p : reader.readArray().getValuesAs(JsonObject.class)) {
          agreed.add(
              Objects.equals(p.isNull("domain") ? null : p.getString("domain"), i.getDomainKey()));
        }
      }
    }
    Optional<String> reason = detector.check(satisfied, agreed);
    reason.ifPresent(
        r -> {
          LOG.info("Drift detected: " + r);
          flywheel.startOnDrift();
        });
    return reason;
  }
}
