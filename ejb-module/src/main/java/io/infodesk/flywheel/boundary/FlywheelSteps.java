package io.infodesk.flywheel.boundary;

import io.infodesk.feedback.entity.Feedback;
import io.infodesk.registry.boundary.RegistryService;
import io.infodesk.registry.entity.ModelStatus;
import io.infodesk.registry.entity.RouterModel;
import io.infodesk.review.boundary.JudgeService;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.training.boundary.TrainingService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The work of each step of the flywheel batch job, and the cycle record it keeps: each step's
 * status, timing and detail, and the funnel (feedback → unsatisfied → flagged → SME-confirmed →
 * ground truth). A failing step fails the cycle and frees the lease; the last step completes it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlywheelSteps {

  public static final List<String> STEPS = List.of("monitor", "judge", "train", "decide");
  static final Duration LEASE_TTL = Duration.ofMinutes(30);

  @PersistenceContext EntityManager em;
  @EJB CycleRecords records;
  @EJB CycleLease lease;
  @EJB JudgeService judge;
  @EJB TrainingService training;
  @EJB RegistryService registry;
  @EJB io.infodesk.platform.boundary.RuntimeSettings settings;

  public void run(long cycleId, String step, String holder) {
    Instant started = Instant.now();
    records.step(cycleId, step, "RUNNING", started, null, null, null);
    try {
      lease.renew(holder, LEASE_TTL);
      JsonObjectBuilder funnel = Json.createObjectBuilder();
      String detail =
          switch (step) {
            case "monitor" -> monitor(funnel);
            case "judge" -> judge(funnel);
            case "train" -> train(funnel, cycleId, started, holder);
            case "decide" -> decide();
            default -> throw new IllegalArgumentException("unknown step " + step);
          };
      records.step(cycleId, step, "COMPLETED", started, Instant.now(), detail, funnel.build());
      if (step.equals(STEPS.get(STEPS.size() - 1))) {
        records.finish(cycleId, true, null);
        lease.release(holder);
      }
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      records.step(cycleId, step, "FAILED", started, Instant.now(), reason, null);
      records.finish(cycleId, false, step + ": " + reason);
      lease.release(holder);
      throw e;
    }
  }

  private String monitor(JsonObjectBuilder funnel) {
    List<Feedback> feedback =
        em.createQuery("SELECT f FROM Feedback f", Feedback.class).getResultList();
    long satisfied = feedback.stream().filter(f -> "up".equals(f.getRating())).count();
    funnel
        .add("feedback", feedback.size())
        .add("satisfied", satisfied)
        .add("unsatisfied", feedback.size() - satisfied);
    return feedback.size() + " ratings, " + (feedback.size() - satisfied) + " unsatisfied";
  }

  private String judge(JsonObjectBuilder funnel) {
    JudgeService.Summary s = judge.judgeForCycle();
    List<ReviewItem> decided =
        em.createNamedQuery(ReviewItem.FIND_DECIDED, ReviewItem.class).getResultList();
    long flagged =
        em.createQuery(
                "SELECT COUNT(r) FROM ReviewItem r WHERE r.attribution = 'ROUTING'", Long.class)
            .getSingleResult();
    long confirmed = decided.stream().filter(r -> "CORRECT_DOMAIN".equals(r.getDecision())).count();
    funnel
        .add("judged", s.judged())
        .add("flaggedMisroutes", flagged)
        .add("smeConfirmedMisroutes", confirmed);
    return s.judged() + " judged, " + s.flagged() + " newly flagged, " + s.attributions();
  }

  private String train(JsonObjectBuilder funnel, long cycleId, Instant started, String holder) {
    long[] last = {0};
    TrainingService.TrainingRun run =
        training.trainForCycle(
            progress -> {
              // at most one write a second, so progress shows without slowing training down
              long now = System.nanoTime();
              if (now - last[0] > 1_000_000_000L) {
                last[0] = now;
                records.step(cycleId, "train", "RUNNING", started, null, progress, null);
                lease.renew(holder, LEASE_TTL);
              }
            });
    funnel.add("groundTruth", run.groundTruth());
    return run.candidates().stream()
        .map(m -> m.getVersion() + " " + m.getStatus())
        .toList()
        .toString();
  }

  private String decide() {
    if (!settings.flag("infodesk.flywheel.auto-promote")) {
      return "candidates await an admin's approval";
    }
    Optional<RouterModel> best =
        em
            .createNamedQuery(RouterModel.FIND_BY_STATUS, RouterModel.class)
            .setParameter("status", ModelStatus.CANDIDATE)
            .getResultList()
            .stream()
            .max(Comparator.comparingDouble(FlywheelSteps::accuracy));
    return best.map(m -> "promoted " + registry.promoteForCycle(m.getId()).getVersion())
        .orElse("no candidate passed its gates");
  }

  static double accuracy(RouterModel m) {
    try (var reader = Json.createReader(new StringReader(m.getMetrics()))) {
      JsonObject metrics = reader.readObject();
      return metrics.getJsonNumber("accuracy").doubleValue();
    }
  }
}
