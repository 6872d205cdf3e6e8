package io.infodesk.flywheel.boundary;

import io.infodesk.curation.boundary.DatasetService;
import io.infodesk.curation.model.Curation;
import io.infodesk.evaluation.model.CostModel;
import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.flywheel.control.TeacherRoutes;
import io.infodesk.flywheel.control.TrainingPipeline;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.boundary.RuntimeSettings;
import io.infodesk.platform.control.Hashes;
import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.registry.boundary.RegistryService;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.entity.ModelStatus;
import io.infodesk.routing.entity.RouterModel;
import io.infodesk.routing.model.LlmRouter;
import io.infodesk.routing.model.Router;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.model.StudentRecipe;
import io.infodesk.training.model.StudentTrainer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The train step: builds a dataset version from what InfoDesk has learned so far (the domains'
 * exemplars, logged interactions labelled by the teacher, employees' corrections, SME decisions),
 * hands it to the {@link TrainingPipeline} (curate, train the hashed n-gram and the MiniLM MLP
 * students, score them against the teacher and the incumbent on the frozen evaluation set, gate)
 * and stores each candidate as a CANDIDATE (or REJECTED) version in the registry. Training runs
 * outside any transaction; the dataset and the candidates are written in short ones of their own.
 */
@Stateless
@jakarta.annotation.security.PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrainingService {

  private static final Logger LOG = Logger.getLogger(TrainingService.class.getName());

  @EJB EmbeddingService embeddings;
  @EJB DatasetService datasets;
  @EJB RoutingService routing;
  @EJB RegistryService registry;
  @Inject Config config;
  @Inject TeacherRoutes teacherRoutes;
  @EJB RuntimeSettings settings;

  /**
   * What a training run produced: the candidates and the size of the deduplicated ground truth; or,
   * when there was too little traffic to evaluate on, why nothing was trained.
   */
  public record TrainingRun(List<RouterModel> candidates, int groundTruth, String skipped) {}

  /**
   * For the train step of a flywheel cycle or of an admin's training job, which run without a
   * caller.
   *
   * @param cycleId the cycle record this step belongs to: the teacher's routes of the frozen set
   *     that its judge step asked are used rather than asked again
   * @param frozenTarget the frozen evaluation set's size automatic promotion needs, to which the
   *     new dataset version tops it up ({@link DatasetService#build(long)}); 0 for none
   * @param progress told what training is doing (architecture, epoch, validation accuracy)
   */
  public TrainingRun trainForCycle(long cycleId, long frozenTarget, Consumer<String> progress) {
    long start = System.nanoTime();
    DatasetService.Built dataset = datasets.build(frozenTarget);
    List<Curation.Example> held = dataset.eval();
    TreeSet<String> labels = new TreeSet<>();
    dataset.train().forEach(e -> labels.add(e.label()));
    held.forEach(e -> labels.add(e.label()));
    if (held.size() < DatasetService.MIN_FROZEN_EVAL) {
      return new TrainingRun(
          List.of(),
          dataset.train().size(),
          String.format(
              "not enough traffic yet to evaluate on: the frozen evaluation set is made of at"
                  + " least %d labelled questions from traffic or imports (never the domains'"
                  + " exemplars), and dataset v%d has %d",
              DatasetService.MIN_FROZEN_EVAL, dataset.version().getVersionNo(), held.size()));
    }
    long stamp = registry.freeStamp(System.currentTimeMillis() / 1000);
    Router teacher = routing.teacher();
    Router incumbent = routing.activeRouter();
    TrainingPipeline.Scored asked =
        teacherRoutes
            .recall(cycleId, teacher.version(), held, TrainingPipeline.domains(List.copyOf(labels)))
            .orElse(null);
    TrainingPipeline.Outcome outcome;
    try {
      outcome =
          TrainingPipeline.run(
              new TrainingPipeline.Inputs(
                  dataset.train(),
                  null,
                  held,
                  List.copyOf(labels),
                  List.of(StudentRecipe.NGRAM, StudentRecipe.MINILM_MLP),
                  Long.toString(stamp),
                  config
                      .getOptionalValue("infodesk.training.max-epochs", Integer.class)
                      .orElse(null),
                  config
                      .getOptionalValue("infodesk.training.patience", Integer.class)
                      .orElse(StudentRecipe.PATIENCE),
                  bounds(),
                  asked,
                  settings.number("infodesk.training.out-of-scope-share")),
              teacher,
              incumbent,
              embeddings::embed,
              progress);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String summary =
        String.format(
                "dataset v%d: %d train (%d fit, %d validation), %d frozen eval; %s",
                dataset.version().getVersionNo(),
                dataset.train().size(),
                outcome.groundTruth().size() - outcome.validation().size(),
                outcome.validation().size(),
                held.size(),
                dataset.version().getProvenanceCounts())
            + (asked == null ? "" : "; the teacher's routes of it from this cycle's judge step");
    CostModel prices = prices();
    double teacherCost = cost(teacher, held, outcome.teacher(), prices);
    double incumbentCost =
        incumbent == teacher ? teacherCost : cost(incumbent, held, outcome.incumbent(), prices);
    List<RouterModel> models = new ArrayList<>();
    for (TrainingPipeline.Candidate c : outcome.candidates()) {
      StudentTrainer.Result result = c.trained().result();
      StudentRouter student = c.trained().router();
      byte[] weights = result.head().toBytes();
      RouterModel model =
          new RouterModel(
              student.version(),
              c.trained().architecture(),
              String.join(",", student.labels()),
              weights,
              Hashes.sha256(weights),
              c.trained().threshold(),
              result.head().parameters());
      model.evaluated(
          metricsJson(
              c.scored(),
              cost(student, held, c.scored(), prices),
              weights.length,
              outcome.outOfScopeShare(),
              comparison(outcome.teacher(), teacherCost, outcome.outOfScopeShare()),
              comparison(outcome.incumbent(), incumbentCost, outcome.outOfScopeShare())),
          gateJson(c.decision()),
          summary
              + String.format(
                  "; %d epochs, validation accuracy %.3f",
                  result.epochs(), result.validationAccuracy()),
          result.device());
      if (student.needsEmbedding()) {
        model.embeddedBy(embeddings.modelVersion());
      }
      if (!c.decision().pass()) {
        model.moveTo(ModelStatus.REJECTED);
      }
      models.add(model);
    }
    List<RouterModel> candidates = registry.register(models, summary);
    LOG.info(
        () ->
            "Trained "
                + candidates.size()
                + " student routers in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms: "
                + summary);
    return new TrainingRun(candidates, dataset.train().size() + held.size(), null);
  }

  /** Cost per 1,000 routes: the LLM's tokens, or CPU time at the measured median. */
  private static double cost(
      Router router, List<Curation.Example> examples, TrainingPipeline.Scored s, CostModel prices) {
    return router instanceof LlmRouter llm
        ? prices.llmPerThousand(
            examples.stream().mapToInt(e -> llm.tokensPerRoute(e.text())).average().orElse(0))
        : prices.cpuPerThousand(s.p50());
  }

  private PromotionGate.Bounds bounds() {
    return new PromotionGate.Bounds(
        settings.number("infodesk.gates.accuracy-tolerance"),
        settings.number("infodesk.gates.max-domain-f1-drop"),
        settings.number("infodesk.gates.p95-budget-micros"),
        settings.number("infodesk.gates.max-accuracy-drop"),
        settings.number("infodesk.gates.same-cost-tolerance"));
  }

  private static JsonObjectBuilder comparison(
      TrainingPipeline.Scored s, double cost, double outOfScopeShare) {
    RoutingMetrics.Report r = s.report();
    return Jsons.JSON
        .createObjectBuilder()
        .add("version", s.version())
        .add("accuracy", r.accuracy())
        .add("expectedAccuracy", r.expectedAccuracy(outOfScopeShare))
        .add("macroF1", r.macroF1())
        .add("oosRecall", r.oosRecall())
        .add("p50Micros", s.p50())
        .add("p95Micros", s.p95())
        .add("askPathP95Micros", s.askPathP95())
        .add("costPer1000Routes", cost);
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
      TrainingPipeline.Scored e,
      double cost,
      int bytes,
      double outOfScopeShare,
      JsonObjectBuilder teacher,
      JsonObjectBuilder incumbent) {
    RoutingMetrics.Report r = e.report();
    JsonObjectBuilder perLabel = Jsons.JSON.createObjectBuilder();
    r.perLabel()
        .forEach(
            (k, v) ->
                perLabel.add(
                    k,
                    Jsons.JSON
                        .createObjectBuilder()
                        .add("precision", v.precision())
                        .add("recall", v.recall())
                        .add("f1", v.f1())
                        .add("support", v.support())));
    JsonObjectBuilder confusion = Jsons.JSON.createObjectBuilder();
    r.confusion()
        .forEach(
            (gold, row) -> {
              JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
              row.forEach(b::add);
              confusion.add(gold, b);
            });
    return Jsons.JSON
        .createObjectBuilder()
        .add("accuracy", r.accuracy())
        .add("expectedAccuracy", r.expectedAccuracy(outOfScopeShare))
        .add("outOfScopeShare", outOfScopeShare)
        .add("macroF1", r.macroF1())
        .add("oosRecall", r.oosRecall())
        .add("oosPrecision", r.oosPrecision())
        .add("p50Micros", e.p50())
        .add("p95Micros", e.p95())
        .add("askPathP95Micros", e.askPathP95())
        .add("costPer1000Routes", cost)
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
    var reasons = Jsons.JSON.createArrayBuilder();
    d.reasons().forEach(reasons::add);
    return Jsons.JSON
        .createObjectBuilder()
        .add("pass", d.pass())
        .add("reasons", reasons)
        .build()
        .toString();
  }
}
