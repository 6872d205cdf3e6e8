package io.infodesk.training.boundary;

import io.infodesk.curation.boundary.DatasetService;
import io.infodesk.curation.control.Curation;
import io.infodesk.evaluation.control.RoutingMetrics;
import io.infodesk.platform.control.Hashes;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.registry.control.PromotionGate;
import io.infodesk.registry.entity.ModelStatus;
import io.infodesk.registry.entity.RouterModel;
import io.infodesk.retrieval.boundary.EmbeddingService;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.control.Router;
import io.infodesk.routing.control.StudentRouter;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import io.infodesk.training.control.LinearHead;
import io.infodesk.training.control.NgramFeaturizer;
import io.infodesk.training.control.StudentTrainer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Trains the student routers from what InfoDesk has learned so far: the domains' exemplars (seed),
 * logged interactions labelled by the teacher, and employees' corrections. Deduplicates, splits
 * (stratified, seeded), trains the hashed n-gram and the MiniLM MLP students with DJL, scores them
 * against the teacher and the incumbent on the same held-out split, applies the promotion gates and
 * stores each as a CANDIDATE (or REJECTED) version in the registry.
 */
@Stateless
public class TrainingService {

  private static final Logger LOG = Logger.getLogger(TrainingService.class.getName());

  @PersistenceContext EntityManager em;
  @EJB EmbeddingService embeddings;
  @EJB DatasetService datasets;
  @EJB RoutingService routing;
  @EJB AuditService audit;
  @Inject Config config;

  /** What a training run produced: the candidates and the size of the deduplicated ground truth. */
  public record TrainingRun(List<RouterModel> candidates, int groundTruth) {}

  @RolesAllowed(Role.ADMIN_NAME)
  public List<RouterModel> trainCandidates() {
    return run().candidates();
  }

  /** For the flywheel cycle, which runs without a caller. */
  @jakarta.annotation.security.PermitAll
  public TrainingRun trainForCycle() {
    return run();
  }

  private TrainingRun run() {
    long start = System.nanoTime();
    DatasetService.Built dataset = datasets.build();
    List<Curation.Example> held = dataset.eval();
    Curation.Split fit = Curation.stratified(dataset.train(), 0.15, 43);
    List<Curation.Example> unique = new ArrayList<>(dataset.train());
    unique.addAll(held);
    List<String> labels =
        new ArrayList<>(new TreeSet<>(unique.stream().map(Curation.Example::label).toList()));
    if (fit.train().size() < 10 || held.size() < 4 || labels.size() < 2) {
      throw new InvalidInputException(
          "not enough labelled data to train: "
              + unique.size()
              + " unique examples in "
              + labels.size()
              + " labels");
    }
    String summary =
        String.format(
            "dataset v%d: %d train (%d fit, %d validation), %d frozen eval; %s",
            dataset.version().getVersionNo(),
            dataset.train().size(),
            fit.train().size(),
            fit.eval().size(),
            held.size(),
            dataset.version().getProvenanceCounts());

    NgramFeaturizer ngrams =
        new NgramFeaturizer(io.infodesk.training.control.TrainingDefaults.NGRAM_BUCKETS);
    List<RouterModel> candidates = new ArrayList<>();
    long stamp = System.currentTimeMillis() / 1000;

    StudentTrainer.Result ngram =
        StudentTrainer.train(
            rows(fit.train(), e -> ngrams.dense(e.text())),
            ids(fit.train(), labels),
            rows(fit.eval(), e -> ngrams.dense(e.text())),
            ids(fit.eval(), labels),
            labels.size(),
            new StudentTrainer.Settings(0, 40, 16, 0.1f, 6, 42),
            epoch -> {});
    StudentTrainer.Result mlp =
        StudentTrainer.train(
            rows(fit.train(), Curation.Example::vector),
            ids(fit.train(), labels),
            rows(fit.eval(), Curation.Example::vector),
            ids(fit.eval(), labels),
            labels.size(),
            new StudentTrainer.Settings(128, 60, 16, 0.01f, 6, 42),
            epoch -> {});

    Router teacher = routing.teacher();
    Router incumbent = routing.activeRouter();
    List<String> gold = held.stream().map(Curation.Example::label).toList();
    Evaluation teacherEval = evaluate(teacher, held);
    Evaluation incumbentEval = incumbent == teacher ? teacherEval : evaluate(incumbent, held);
    PromotionGate.Bounds bounds = bounds();

    for (var spec :
        List.of(new Object[] {"ngram", ngram, ngrams}, new Object[] {"minilm-mlp", mlp, null})) {
      String architecture = (String) spec[0];
      StudentTrainer.Result result = (StudentTrainer.Result) spec[1];
      NgramFeaturizer features = (NgramFeaturizer) spec[2];
      String version = architecture + "-" + stamp;
      double threshold = tuneThreshold(result.head(), labels, fit.eval(), features);
      StudentRouter student =
          new StudentRouter(version, labels, result.head(), threshold, features, embeddings::embed);
      Evaluation eval = evaluate(student, held);
      RoutingMetrics.Report report =
          RoutingMetrics.score(domainLabels(labels), gold, eval.predicted());
      PromotionGate.Decision decision =
          PromotionGate.decide(
              bounds,
              teacherEval.report(gold, labels),
              incumbentEval.report(gold, labels),
              report,
              eval.p95());
      byte[] weights = result.head().toBytes();
      RouterModel model =
          new RouterModel(
              version,
              architecture,
              String.join(",", labels),
              weights,
              Hashes.sha256(weights),
              threshold,
              result.head().parameters());
      model.evaluated(
          metricsJson(
              report, eval, teacherEval.report(gold, labels), teacherEval, incumbent.version()),
          gateJson(decision),
          summary
              + String.format(
                  "; %d epochs, validation accuracy %.3f",
                  result.epochs(), result.validationAccuracy()),
          result.device());
      if (!decision.pass()) {
        model.moveTo(ModelStatus.REJECTED);
      }
      em.persist(model);
      candidates.add(model);
    }
    audit.record(
        "MODELS_TRAINED",
        "router-model",
        candidates.stream().map(RouterModel::getVersion).toList().toString(),
        summary);
    LOG.info(
        () ->
            "Trained "
                + candidates.size()
                + " student routers in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms: "
                + summary);
    return new TrainingRun(candidates, unique.size());
  }

  /** Predictions and per-question latencies of a router on the held-out examples. */
  record Evaluation(List<String> predicted, List<Double> micros) {
    double p95() {
      return RoutingMetrics.percentile(micros, 95);
    }

    double p50() {
      return RoutingMetrics.percentile(micros, 50);
    }

    RoutingMetrics.Report report(List<String> gold, List<String> labels) {
      return RoutingMetrics.score(domainLabels(labels), gold, predicted);
    }
  }

  private Evaluation evaluate(Router router, List<Curation.Example> examples) {
    List<String> predicted = new ArrayList<>();
    List<Double> micros = new ArrayList<>();
    for (int warm = 0; warm < 2; warm++) {
      predicted.clear();
      micros.clear();
      for (Curation.Example e : examples) {
        long t = System.nanoTime();
        // every router is timed end to end from the question's text, embedding included
        var decision = router.route(e.text());
        micros.add((System.nanoTime() - t) / 1000.0);
        predicted.add(StudentRouter.label(decision));
      }
    }
    return new Evaluation(List.copyOf(predicted), List.copyOf(micros));
  }

  private static double tuneThreshold(
      LinearHead head,
      List<String> labels,
      List<Curation.Example> validation,
      NgramFeaturizer ngrams) {
    double best = 0;
    double bestAccuracy = -1;
    for (double t = 0; t <= 0.9001; t += 0.1) {
      int correct = 0;
      for (Curation.Example e : validation) {
        float[] p =
            ngrams != null
                ? head.probabilities(ngrams.featurize(e.text()))
                : head.probabilities(e.vector());
        int top = LinearHead.argmax(p);
        String label = p[top] < t ? StudentRouter.OOS : labels.get(top);
        correct += label.equals(e.label()) ? 1 : 0;
      }
      if (correct > bestAccuracy) {
        bestAccuracy = correct;
        best = t;
      }
    }
    return best;
  }

  private PromotionGate.Bounds bounds() {
    PromotionGate.Bounds d = PromotionGate.Bounds.defaults();
    return new PromotionGate.Bounds(
        config
            .getOptionalValue("infodesk.gates.accuracy-tolerance", Double.class)
            .orElse(d.accuracyTolerance()),
        config
            .getOptionalValue("infodesk.gates.max-domain-f1-drop", Double.class)
            .orElse(d.maxDomainF1Drop()),
        config
            .getOptionalValue("infodesk.gates.p95-budget-micros", Double.class)
            .orElse(d.p95BudgetMicros()));
  }

  static List<String> domainLabels(List<String> labels) {
    return labels.stream().filter(l -> !l.equals(StudentRouter.OOS)).toList();
  }

  private static float[][] rows(
      List<Curation.Example> examples, Function<Curation.Example, float[]> f) {
    return examples.stream().map(f).toArray(float[][]::new);
  }

  private static int[] ids(List<Curation.Example> examples, List<String> labels) {
    return examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
  }

  private static String metricsJson(
      RoutingMetrics.Report r,
      Evaluation e,
      RoutingMetrics.Report teacher,
      Evaluation teacherEval,
      String incumbent) {
    JsonObjectBuilder perLabel = Json.createObjectBuilder();
    r.perLabel()
        .forEach(
            (k, v) ->
                perLabel.add(
                    k,
                    Json.createObjectBuilder()
                        .add("precision", v.precision())
                        .add("recall", v.recall())
                        .add("f1", v.f1())
                        .add("support", v.support())));
    JsonObjectBuilder confusion = Json.createObjectBuilder();
    r.confusion()
        .forEach(
            (gold, row) -> {
              JsonObjectBuilder b = Json.createObjectBuilder();
              row.forEach(b::add);
              confusion.add(gold, b);
            });
    return Json.createObjectBuilder()
        .add("accuracy", r.accuracy())
        .add("macroF1", r.macroF1())
        .add("oosRecall", r.oosRecall())
        .add("oosPrecision", r.oosPrecision())
        .add("p50Micros", e.p50())
        .add("p95Micros", e.p95())
        .add("evalSize", r.total())
        .add("perLabel", perLabel)
        .add("confusion", confusion)
        .add(
            "teacher",
            Json.createObjectBuilder()
                .add("accuracy", teacher.accuracy())
                .add("macroF1", teacher.macroF1())
                .add("oosRecall", teacher.oosRecall())
                .add("p50Micros", teacherEval.p50())
                .add("p95Micros", teacherEval.p95()))
        .add("incumbent", incumbent)
        .build()
        .toString();
  }

  private static String gateJson(PromotionGate.Decision d) {
    var reasons = Json.createArrayBuilder();
    d.reasons().forEach(reasons::add);
    return Json.createObjectBuilder()
        .add("pass", d.pass())
        .add("reasons", reasons)
        .build()
        .toString();
  }
}
