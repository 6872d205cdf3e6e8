package io.infodesk.flywheel.control;

import io.infodesk.curation.model.Curation;
import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.routing.model.Router;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.model.StudentRecipe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The flywheel's curate → train → evaluate → gate, in plain Java, used by the cycle's train step
 * ({@code TrainingService}) and by the experiment alike: the labelled examples are deduplicated
 * into the ground truth, each architecture is trained on it (early stopping and the decline
 * threshold on the validation part), and every candidate, the teacher and the incumbent are scored
 * on the same gate set and timed (from the question's text, and as the ask path routes it, given
 * the MiniLM vector it computes for retrieval anyway); the promotion gates decide each candidate,
 * the latency budget on the ask path's timing.
 */
public final class TrainingPipeline {

  /** Near-duplicates above this MiniLM similarity are one example of the ground truth. */
  public static final double NEAR_DUPLICATE = 0.98;

  /** The share of the ground truth held out for validation when no validation set is given. */
  public static final double VALIDATION_SHARE = 0.15;

  /**
   * What one run trains on and is judged by.
   *
   * @param labelled every labelled example (duplicates are removed here)
   * @param validation early stopping and thresholds; null holds out {@link #VALIDATION_SHARE} of
   *     the ground truth (stratified, seeded)
   * @param gateSet what the teacher, the incumbent and the candidates are scored on for the gates
   * @param labels the routes the students may give (out-of-scope is always added)
   * @param architectures {@link StudentRecipe#NGRAM} and/or {@link StudentRecipe#MINILM_MLP}
   * @param versionSuffix appended to each architecture for the candidates' versions
   * @param maxEpochs null for each architecture's default
   * @param teacherScore the teacher's routes of the gate set, when this cycle has already asked it
   *     (with an LLM teacher each route is a paid call); null to score the teacher here
   * @param outOfScopeShare the share of the traffic out of scope that the students' decline
   *     thresholds are tuned for and the best passing candidate is chosen by ({@link
   *     io.infodesk.routing.model.ExpectedAccuracy})
   */
  public record Inputs(
      List<Curation.Example> labelled,
      List<Curation.Example> validation,
      List<Curation.Example> gateSet,
      List<String> labels,
      List<String> architectures,
      String versionSuffix,
      Integer maxEpochs,
      int patience,
      PromotionGate.Bounds bounds,
      Scored teacherScore,
      double outOfScopeShare) {}

  /**
   * A router's predictions on the gate set, each timed twice ({@link #evaluate}): from the
   * question's text, and as the ask path pays for it.
   *
   * @param micros each route from the question's text, embedding included: what the router costs on
   *     its own (the dashboard's latency and cost per 1,000 routes)
   * @param askPathMicros each route given the question's MiniLM vector, which the ask path computes
   *     for retrieval anyway: what the router adds to an employee's wait (the gate's latency
   *     budget)
   */
  public record Scored(
      String version,
      List<String> predicted,
      List<Double> micros,
      List<Double> askPathMicros,
      RoutingMetrics.Report report) {
    public double p50() {
      return RoutingMetrics.percentile(micros, 50);
    }

    public double p95() {
      return RoutingMetrics.percentile(micros, 95);
    }

    public double askPathP95() {
      return RoutingMetrics.percentile(askPathMicros, 95);
    }
  }

  /** A trained candidate, its score on the gate set and the gates' decision. */
  public record Candidate(
      StudentRecipe.Trained trained, Scored scored, PromotionGate.Decision decision) {}

  /**
   * What one run produced.
   *
   * @param groundTruth the deduplicated examples the candidates were fitted on
   * @param validation what made their choices
   * @param outOfScopeShare what their thresholds and {@link #best} assume
   */
  public record Outcome(
      List<Curation.Example> groundTruth,
      List<Curation.Example> validation,
      Scored teacher,
      Scored incumbent,
      List<Candidate> candidates,
      double outOfScopeShare) {

    /**
     * The candidate that passed its gates and does the router's two jobs best ({@link
     * RoutingMetrics.Report#expectedAccuracy}), if any.
     */
    public Optional<Candidate> best() {
      return candidates.stream()
          .filter(c -> c.decision().pass())
          .max(
              Comparator.comparingDouble(
                  c -> c.scored().report().expectedAccuracy(outOfScopeShare)));
    }
  }

  private TrainingPipeline() {}

  /** Curate: exact and near duplicates (MiniLM similarity) are kept once, the first label wins. */
  /** The fewest examples the gate compares the candidates on. */
  public static final int MIN_GATE_SET = 4;

  public static List<Curation.Example> curate(List<Curation.Example> labelled) {
    return Curation.deduplicate(labelled, NEAR_DUPLICATE);
  }

  /**
   * Curate, train, evaluate and gate.
   *
   * @param teacher the zero-shot (or LLM) teacher, scored on the gate set
   * @param incumbent the live router (the teacher itself before any promotion)
   * @param embed MiniLM, for the MLP student
   * @param progress told what the pipeline is doing
   * @throws IllegalArgumentException when there is too little labelled data to train on
   */
  public static Outcome run(
      Inputs in,
      Router teacher,
      Router incumbent,
      Function<String, float[]> embed,
      Consumer<String> progress) {
    return run(in, teacher, incumbent, embed, progress, Runnable::run);
  }

  /**
   * As {@link #run(Inputs, Router, Router, Function, Consumer)}, the candidates trained on {@code
   * executor}: at once where it has a thread for each. The outcome is the same either way, since
   * each candidate depends only on its inputs; they are evaluated and timed one after the other,
   * once all are trained, so that no timing shares the processor with a training. {@code progress}
   * may then be told from several threads.
   */
  public static Outcome run(
      Inputs in,
      Router teacher,
      Router incumbent,
      Function<String, float[]> embed,
      Consumer<String> progress,
      Executor executor) {
    List<Curation.Example> groundTruth = curate(in.labelled());
    List<Curation.Example> fit = groundTruth;
    List<Curation.Example> validation = in.validation();
    if (validation == null) {
      Curation.Split split = Curation.stratified(groundTruth, VALIDATION_SHARE, 43);
      fit = split.train();
      validation = split.eval();
    }
    List<String> labels = new ArrayList<>(new TreeSet<>(in.labels()));
    if (fit.size() < 10 || in.gateSet().size() < MIN_GATE_SET || labels.size() < 2) {
      throw new IllegalArgumentException(
          "not enough labelled data to train: "
              + groundTruth.size()
              + " unique examples in "
              + labels.size()
              + " labels, "
              + in.gateSet().size()
              + " to evaluate on");
    }
    List<CompletableFuture<StudentRecipe.Trained>> training = new ArrayList<>();
    List<Curation.Example> fitted = fit;
    List<Curation.Example> validated = validation;
    for (String architecture : in.architectures()) {
      progress.accept("training " + architecture + " on " + fit.size() + " examples");
      training.add(
          CompletableFuture.supplyAsync(
              () ->
                  StudentRecipe.train(
                      architecture,
                      architecture + "-" + in.versionSuffix(),
                      fitted,
                      validated,
                      labels,
                      in.maxEpochs(),
                      in.patience(),
                      in.outOfScopeShare(),
                      embed,
                      progress),
              executor));
    }
    List<StudentRecipe.Trained> trained = training.stream().map(TrainingPipeline::joined).toList();
    progress.accept("evaluating the students, the teacher and the incumbent");
    List<String> domains = domains(labels);
    Scored teacherScore = in.teacherScore();
    if (teacherScore == null) {
      teacherScore = evaluate(teacher, in.gateSet(), domains);
    } else if (!teacherScore.version().equals(teacher.version())
        || teacherScore.predicted().size() != in.gateSet().size()) {
      throw new IllegalArgumentException(
          "the teacher's earlier score is not of this teacher on this gate set");
    }
    Scored incumbentScore =
        incumbent == teacher ? teacherScore : evaluate(incumbent, in.gateSet(), domains);
    List<Candidate> candidates = new ArrayList<>();
    for (StudentRecipe.Trained t : trained) {
      Scored scored = evaluate(t.router(), in.gateSet(), domains);
      PromotionGate.Decision decision =
          PromotionGate.decide(
              in.bounds(),
              teacherScore.report(),
              incumbentScore.report(),
              scored.report(),
              scored.askPathP95(),
              teacher.cost(),
              t.router().cost(),
              in.outOfScopeShare());
      candidates.add(new Candidate(t, scored, decision));
    }
    return new Outcome(
        groundTruth, validation, teacherScore, incumbentScore, candidates, in.outOfScopeShare());
  }

  /**
   * What {@code future} computed, or what it threw, as the same call would have thrown it without
   * an executor in between (not wrapped in a {@link CompletionException}).
   */
  static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Routes of a local router before the timed ones, so that the timings are warm: enough for the
   * JIT compiler and the model's session. Before, every example was routed twice, and for a router
   * that embeds the question with MiniLM that second pass over the whole evaluation set took 28% of
   * an experiment's cycles' time (docs/experiment.md, "Shorter runs, the same figures").
   */
  static final int WARM_UP = 200;

  /**
   * Evaluate: the router on the examples, after {@link #WARM_UP} routes so that the timings are
   * warm (none for a {@link Router#remote() remote} router, whose every route is a paid call), each
   * route timed from the question's text, embedding included; then, for a local router, each timed
   * again as the ask path pays for it: given the question's MiniLM vector, which the ask path
   * computes for retrieval anyway ({@link Router#route(String, float[])}), so that a router that
   * reads the vector is charged for its own work only (an example without a vector is routed from
   * its text).
   *
   * @param domains the labels that are domains (not out-of-scope)
   */
  public static Scored evaluate(
      Router router, List<Curation.Example> examples, List<String> domains) {
    if (!router.remote()) {
      for (Curation.Example e : examples.subList(0, Math.min(WARM_UP, examples.size()))) {
        router.route(e.text());
      }
    }
    List<String> predicted = new ArrayList<>();
    List<Double> micros = new ArrayList<>();
    for (Curation.Example e : examples) {
      long t = System.nanoTime();
      var decision = router.route(e.text());
      micros.add((System.nanoTime() - t) / 1000.0);
      predicted.add(StudentRouter.label(decision));
    }
    List<Double> askPath = micros;
    if (!router.remote()) {
      askPath = new ArrayList<>();
      for (Curation.Example e : examples) {
        long t = System.nanoTime();
        router.route(e.text(), e.vector());
        askPath.add((System.nanoTime() - t) / 1000.0);
      }
    }
    List<String> gold = examples.stream().map(Curation.Example::label).toList();
    return new Scored(
        router.version(),
        List.copyOf(predicted),
        List.copyOf(micros),
        List.copyOf(askPath),
        RoutingMetrics.score(domains, gold, predicted));
  }

  /** The labels that are domains: all but out-of-scope. */
  public static List<String> domains(List<String> labels) {
    return labels.stream().filter(l -> !l.equals(StudentRouter.OOS)).toList();
  }
}
