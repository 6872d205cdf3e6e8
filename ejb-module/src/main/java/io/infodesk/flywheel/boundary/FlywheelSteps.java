package io.infodesk.flywheel.boundary;

import io.infodesk.curation.boundary.DatasetService;
import io.infodesk.curation.entity.DatasetExample;
import io.infodesk.curation.model.Curation;
import io.infodesk.feedback.boundary.Ratings;
import io.infodesk.flywheel.control.CycleLease;
import io.infodesk.flywheel.control.CycleRecords;
import io.infodesk.flywheel.control.OutOfFold;
import io.infodesk.flywheel.control.TeacherRoutes;
import io.infodesk.flywheel.control.TrainingPipeline;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.Jsons;
import io.infodesk.registry.boundary.RegistryService;
import io.infodesk.review.boundary.JudgeService;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.model.Disagreements;
import io.infodesk.review.model.JudgeLabel;
import io.infodesk.review.model.Learning;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.entity.ModelStatus;
import io.infodesk.routing.entity.RouterModel;
import io.infodesk.routing.model.StudentRouter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /** The steps of an admin's training job: only the train step. */
  public static final List<String> TRAINING_STEPS = List.of("train");

  static final Duration LEASE_TTL = Duration.ofMinutes(30);

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.routing.boundary.ModelStore models;
  @jakarta.inject.Inject io.infodesk.review.boundary.ReviewRecords reviews;
  @jakarta.inject.Inject Ratings ratings;
  @Inject CycleRecords records;
  @Inject CycleLease lease;
  @Inject TeacherRoutes teacherRoutes;
  @EJB JudgeService judge;
  @EJB TrainingService training;
  @EJB RegistryService registry;
  @EJB DatasetService datasets;
  @EJB EmbeddingService embeddings;
  @EJB RoutingService routing;
  @EJB io.infodesk.platform.boundary.RuntimeSettings settings;

  /**
   * @param job the batch job this step belongs to: {@link FlywheelService#JOB} or {@link
   *     FlywheelService#TRAINING_JOB}, whose last step completes the cycle record
   */
  public void run(String job, long cycleId, String step, String holder) {
    List<String> steps = FlywheelService.TRAINING_JOB.equals(job) ? TRAINING_STEPS : STEPS;
    Instant started = Instant.now();
    records.step(cycleId, step, "RUNNING", started, null, null, null);
    try {
      lease.renew(holder, LEASE_TTL);
      JsonObjectBuilder funnel = Jsons.JSON.createObjectBuilder();
      String detail =
          switch (step) {
            case "monitor" -> monitor(funnel);
            case "judge" -> judge(funnel, cycleId);
            case "train" -> train(job, funnel, cycleId, started, holder);
            case "decide" -> decide(cycleId);
            default -> throw new IllegalArgumentException("unknown step " + step);
          };
      records.step(cycleId, step, "COMPLETED", started, Instant.now(), detail, funnel.build());
      if (step.equals(steps.get(steps.size() - 1))) {
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
    Ratings.Counts counts = ratings.counts();
    funnel
        .add("feedback", counts.ratings())
        .add("satisfied", counts.satisfied())
        .add("unsatisfied", counts.unsatisfied());
    return counts.ratings() + " ratings, " + counts.unsatisfied() + " unsatisfied";
  }

  private String judge(JsonObjectBuilder funnel, long cycleId) {
    Learning learning = learning(cycleId);
    JudgeService.Summary s = judge.judgeForCycle(learning);
    List<ReviewItem> decided = reviews.decided();
    long flagged = reviews.flaggedMisroutes();
    long confirmed = decided.stream().filter(r -> "CORRECT_DOMAIN".equals(r.getDecision())).count();
    funnel
        .add("judged", s.judged())
        .add("flaggedMisroutes", flagged)
        .add("smeConfirmedMisroutes", confirmed);
    funnel.add("judgeLabelled", s.relabelled()).add("setAside", s.setAside());
    return s.judged()
        + " judged, "
        + s.reexamined()
        + " earlier labels re-examined, "
        + s.flagged()
        + " newly flagged, "
        + s.chosen()
        + " for review within the budget of "
        + s.budget()
        + ", "
        + s.relabelled()
        + " labelled by the judge, "
        + s.setAside()
        + " set aside ("
        + evidence(learning)
        + "), "
        + s.attributions();
  }

  /** Whether the judge's learned evidence overrules routes, and why. */
  static String evidence(Learning learning) {
    if (learning.student() == null) {
      return "too little learned to overrule a route";
    }
    return String.format(
        java.util.Locale.ROOT,
        "students out of fold route %.1f%% of the frozen evaluation set, the teacher %.1f%%;"
            + " where they confidently contradict it there, they are right %d times and it %d:"
            + " %s",
        100 * learning.accuracy(),
        100 * learning.teacherAccuracy(),
        learning.disagreements().evidenceRight(),
        learning.disagreements().teacherRight(),
        learning.verdict());
  }

  /**
   * What the flywheel has learned so far, for the judge: the latest dataset version's training
   * examples and the LOGGED labels it set aside, embedded, with out-of-fold probabilities from two
   * n-gram students (validated on the version's frozen evaluation part), and one of them for
   * questions without a label. The judge's own labels are left out: it judges them again, from what
   * people and the traffic say, rather than from its earlier opinion. The teacher's routes of the
   * frozen evaluation set are kept for this cycle's train step, which then does not ask them again.
   */
  private Learning learning(long cycleId) {
    List<DatasetExample> examples =
        datasets.latestExamples().stream()
            .filter(e -> !JudgeLabel.RELABELED.equals(e.getProvenance()))
            .toList();
    List<Learning.Curated> curated = new ArrayList<>();
    List<Curation.Example> train = new ArrayList<>();
    List<Curation.Example> eval = new ArrayList<>();
    java.util.TreeSet<String> labels = new java.util.TreeSet<>();
    for (int from = 0; from < examples.size(); from += 32) {
      List<DatasetExample> batch = examples.subList(from, Math.min(examples.size(), from + 32));
      float[][] v = embeddings.embedAll(batch.stream().map(DatasetExample::getText).toList());
      for (int x = 0; x < v.length; x++) {
        DatasetExample e = batch.get(x);
        labels.add(e.getLabel());
        if ("eval".equals(e.getSplit())) {
          eval.add(new Curation.Example(e.getText(), e.getLabel(), v[x]));
        } else {
          train.add(new Curation.Example(e.getText(), e.getLabel(), v[x]));
          curated.add(
              new Learning.Curated(
                  e.getInteractionId(), e.getText(), e.getLabel(), e.getProvenance(), v[x]));
        }
      }
    }
    if (curated.isEmpty()) {
      return Learning.NONE;
    }
    OutOfFold.Result folds = OutOfFold.of(train, eval, List.copyOf(labels), examples.size());
    StudentRouter student = folds.student();
    double teacher = 1;
    Disagreements disagreements = Disagreements.NONE;
    if (student != null && !eval.isEmpty()) {
      TrainingPipeline.Scored asked =
          TrainingPipeline.evaluate(
              routing.teacher(), eval, TrainingPipeline.domains(List.copyOf(labels)));
      teacherRoutes.remember(cycleId, eval, asked);
      teacher = asked.report().accuracy();
      disagreements =
          Disagreements.of(
              eval.stream().map(Curation.Example::label).toList(),
              asked.predicted(),
              folds.validationScores());
    }
    return new Learning(
        curated,
        folds.probabilities(),
        student == null ? null : question -> student.route(question).scores(),
        folds.accuracy(),
        teacher,
        disagreements);
  }

  private String train(
      String job, JsonObjectBuilder funnel, long cycleId, Instant started, String holder) {
    // a cycle that may promote on its own tops up a frozen set too small for it (DatasetService)
    boolean topUp =
        FlywheelService.JOB.equals(job) && settings.flag("infodesk.flywheel.auto-promote");
    int min = topUp ? settings.whole("infodesk.flywheel.auto-promote-min-eval") : 0;
    long frozen = datasets.frozenEvalSize();
    long[] last = {0};
    TrainingService.TrainingRun run =
        training.trainForCycle(
            cycleId,
            min,
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
    long now = datasets.frozenEvalSize();
    String toppedUp =
        now > frozen && frozen > 0
            ? String.format(
                "frozen evaluation set topped up from %d to %d examples (automatic promotion"
                    + " needs %d); ",
                frozen, now, min)
            : "";
    if (run.skipped() != null) {
      if (FlywheelService.TRAINING_JOB.equals(job)) {
        // an admin asked for this training: it failed, and says why
        throw new io.infodesk.platform.entity.InvalidInputException(run.skipped());
      }
      return toppedUp + "skipped: " + run.skipped();
    }
    return toppedUp
        + run.candidates().stream()
            .map(m -> m.getVersion() + " " + m.getStatus())
            .toList()
            .toString();
  }

  private String decide(long cycleId) {
    if (!settings.flag("infodesk.flywheel.auto-promote")) {
      return "candidates await an admin's approval";
    }
    Optional<String> tooFew =
        tooFewToPromote(
            datasets.frozenEvalSize(), settings.whole("infodesk.flywheel.auto-promote-min-eval"));
    if (tooFew.isPresent()) {
      return tooFew.get();
    }
    Optional<RouterModel> best =
        bestOfCycle(models.withStatus(ModelStatus.CANDIDATE), records.startedAt(cycleId));
    return best.map(m -> "promoted " + registry.promoteForCycle(m.getId()).getVersion())
        .orElse("no candidate of this cycle passed its gates");
  }

  /**
   * Why automatic promotion waits, if it does: a frozen evaluation set of a few questions cannot
   * tell a student from the teacher (a clean-clone CI run promoted a student that tied the teacher
   * on four easy questions and then misrouted twice as many as the teacher had).
   */
  static Optional<String> tooFewToPromote(long frozen, long min) {
    return frozen >= min
        ? Optional.empty()
        : Optional.of(
            "candidates await an admin: the frozen evaluation set has "
                + frozen
                + " examples and automatic promotion needs "
                + min
                + " (infodesk.flywheel.auto-promote-min-eval); each cycle tops it up from the"
                + " traffic while it holds less than a quarter of the labels, and an admin extends"
                + " it with POST /api/datasets/frozen-eval/extension");
  }

  /**
   * The best of the candidates this cycle trained (created since it started): the one that best
   * routes and declines on the frozen set ({@code RoutingMetrics.Report#expectedAccuracy}, the same
   * choice as {@code TrainingPipeline.Outcome#best}). A candidate of an earlier cycle passed its
   * gates against that cycle's evaluation and live router, and may be worse than the router live
   * now: an admin may still promote it, the cycle does not.
   */
  static Optional<RouterModel> bestOfCycle(List<RouterModel> candidates, Instant cycleStarted) {
    return candidates.stream()
        .filter(m -> !m.getCreatedAt().isBefore(cycleStarted))
        .max(Comparator.comparingDouble(FlywheelSteps::expectedAccuracy));
  }

  /**
   * The candidate's expected accuracy; for a model evaluated before it was kept, its balanced
   * accuracy, or before that its accuracy.
   */
  static double expectedAccuracy(RouterModel m) {
    try (var reader = Jsons.JSON.createReader(new StringReader(m.getMetrics()))) {
      JsonObject metrics = reader.readObject();
      for (String key : List.of("expectedAccuracy", "balancedAccuracy")) {
        if (metrics.containsKey(key)) {
          return metrics.getJsonNumber(key).doubleValue();
        }
      }
      return metrics.getJsonNumber("accuracy").doubleValue();
    }
  }
}
