package io.infodesk.training.boundary;

import io.infodesk.curation.boundary.DatasetService;
import io.infodesk.curation.control.Curation;
import io.infodesk.evaluation.control.CostModel;
import io.infodesk.evaluation.control.RoutingMetrics;
import io.infodesk.platform.boundary.RuntimeSettings;
import io.infodesk.platform.control.Hashes;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.registry.control.PromotionGate;
import io.infodesk.registry.entity.ModelStatus;
import io.infodesk.registry.entity.RouterModel;
import io.infodesk.retrieval.boundary.EmbeddingService;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.control.LlmRouter;
import io.infodesk.routing.control.Router;
import io.infodesk.routing.control.StudentRouter;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import io.infodesk.training.control.StudentRecipe;
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
import java.util.function.Consumer;
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
  @EJB RuntimeSettings settings;

  /** What a training run produced: the candidates and the size of the deduplicated ground truth. */
  public record TrainingRun(List<RouterModel> candidates, int groundTruth) {}

  @RolesAllowed(Role.ADMIN_NAME)
  public List<RouterModel> trainCandidates() {
    return run(progress -> LOG.fine(progress)).candidates();
  }

  /**
   * For the flywheel cycle, which runs without a caller.
   *
   * @param progress told what training is doing (architecture, epoch, validation accuracy)
   */
  @jakarta.annotation.security.PermitAll
  public TrainingRun trainForCycle(Consumer<String> progress) {
    return run(progress);
  }

  private TrainingRun run(Consumer<String> progress) {
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

    List<RouterModel> candidates = new ArrayList<>();
    long stamp = System.currentTimeMillis() / 1000;
    int patience =
        config
            .getOptionalValue("infodesk.training.patience", Integer.class)
            .orElse(StudentRecipe.PATIENCE);
    Integer maxEpochs =
        config.getOptionalValue("infodesk.training.max-epochs", Integer.class).orElse(null);
    List<StudentRecipe.Trained> students = new ArrayList<>();
    for (String architecture : List.of(StudentRecipe.NGRAM, StudentRecipe.MINILM_MLP)) {
      progress.accept("training " + architecture + " on " + fit.train().size() + " examples");
      students.add(
          StudentRecipe.train(
              architecture,
              architecture + "-" + stamp,
              fit.train(),
              fit.eval(),
              labels,
              maxEpochs,
              patience,
              embeddings::embed,
              progress));
    }
    progress.accept("evaluating the students, the teacher and the incumbent");

    Router teacher = routing.teacher();
    Router incumbent = routing.activeRouter();
    List<String> gold = held.stream().map(Curation.Example::label).toList();
    CostModel prices = prices();
    Evaluation teacherEval = evaluate(teacher, held, prices);
    Evaluation incumbentEval =
        incumbent == teacher ? teacherEval : evaluate(incumbent, held, prices);
    PromotionGate.Bounds bounds = bounds();

    for (StudentRecipe.Trained trained : students) {
      String architecture = trained.architecture();
      StudentTrainer.Result result = trained.result();
      StudentRouter student = trained.router();
      String version = student.version();
      double threshold = trained.threshold();
      Evaluation eval = evaluate(student, held, prices);
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
              String.join(",", student.labels()),
              weights,
              Hashes.sha256(weights),
              threshold,
              result.head().parameters());
      model.evaluated(
          metricsJson(
              report,
              eval,
              weights.length,
              comparison(teacher.version(), teacherEval.report(gold, labels), teacherEval),
              comparison(incumbent.version(), incumbentEval.report(gold, labels), incumbentEval)),
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

  /** Predictions, per-question latencies and cost of a router on the held-out examples. */
  record Evaluation(List<String> predicted, List<Double> micros, double costPer1000) {
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

  private Evaluation evaluate(Router router, List<Curation.Example> examples, CostModel prices) {
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
    double cost =
        router instanceof LlmRouter llm
            ? prices.llmPerThousand(
                examples.stream().mapToInt(e -> llm.tokensPerRoute(e.text())).average().orElse(0))
            : prices.cpuPerThousand(RoutingMetrics.percentile(micros, 50));
    return new Evaluation(List.copyOf(predicted), List.copyOf(micros), cost);
  }

  private PromotionGate.Bounds bounds() {
    return new PromotionGate.Bounds(
        settings.number("infodesk.gates.accuracy-tolerance"),
        settings.number("infodesk.gates.max-domain-f1-drop"),
        settings.number("infodesk.gates.p95-budget-micros"));
  }

  static List<String> domainLabels(List<String> labels) {
    return labels.stream().filter(l -> !l.equals(StudentRouter.OOS)).toList();
  }

  private static JsonObjectBuilder comparison(
      String version, RoutingMetrics.Report r, Evaluation e) {
    return Json.createObjectBuilder()
        .add("version", version)
        .add("accuracy", r.accuracy())
        .add("macroF1", r.macroF1())
        .add("oosRecall", r.oosRecall())
        .add("p50Micros", e.p50())
        .add("p95Micros", e.p95())
        .add("costPer1000Routes", e.costPer1000());
  }

  private CostModel prices() {
    CostModel d = CostModel.defaults();
    return new CostModel(
        config
            .getOptionalValue("infodesk.cost.llm-usd-per-million-tokens", Double.class)
            .orElse(d.llmUsdPerMillionTokens()),
        config
            .getOptionalValue("infodesk.cost.cpu-usd-per-hour", Double.class)
            .orElse(d.cpuUsdPerHour()),
        config
            .getOptionalValue("infodesk.cost.gpu-usd-per-hour", Double.class)
            .orElse(d.gpuUsdPerHour()));
  }

  private static String metricsJson(
      RoutingMetrics.Report r,
      Evaluation e,
      int bytes,
      JsonObjectBuilder teacher,
      JsonObjectBuilder incumbent) {
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
        .add("costPer1000Routes", e.costPer1000())
        .add("bytes", bytes)
        .add("evalSize", r.total())
        .add("perLabel", perLabel)
        .add("confusion", confusion)
        .add("teacher", teacher)
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
