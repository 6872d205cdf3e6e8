package io.infodesk.experiment.control;

import io.infodesk.curation.control.Curation;
import io.infodesk.curation.control.LabelRule;
import io.infodesk.evaluation.control.CostModel;
import io.infodesk.evaluation.control.RoutingMetrics;
import io.infodesk.experiment.control.ExperimentReport.Funnel;
import io.infodesk.experiment.control.ExperimentReport.JudgeQuality;
import io.infodesk.experiment.control.ExperimentReport.ModelRow;
import io.infodesk.retrieval.control.MiniLmEmbedder;
import io.infodesk.review.control.Consensus;
import io.infodesk.review.control.EmbeddedJudge;
import io.infodesk.review.control.Judge;
import io.infodesk.review.entity.Verdict;
import io.infodesk.routing.control.Router;
import io.infodesk.routing.control.StudentRouter;
import io.infodesk.routing.control.ZeroShotRouter;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.training.control.LinearHead;
import io.infodesk.training.control.StudentRecipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The flywheel on a public dataset, with InfoDesk's own classes: the zero-shot teacher from a
 * description and K exemplars per domain routes the train split as if employees asked it; ratings
 * are simulated from the gold labels with noise; the embedded judge flags misroutes among the
 * unsatisfied (and a sample of the satisfied); simulated SMEs decide the flagged items from the
 * gold label with an error rate; {@link LabelRule} and {@link Curation} turn that into ground
 * truth; {@link StudentRecipe} trains both students; everything is scored on the test split in one
 * run, beside the untuned student (K exemplars only) and the all-gold ceiling. The validation split
 * makes every choice (early stopping, thresholds); the test split is only scored.
 */
public final class FlywheelExperiment {

  /** The knobs; {@link #defaults()} are the issue's. */
  public record Settings(
      int k,
      double downWhenRight,
      double upWhenWrong,
      double smeError,
      double judgeSample,
      long seed,
      int latencySample) {

    public static Settings defaults() {
      return new Settings(5, 0.10, 0.20, 0.02, 0.10, 42, 1000);
    }

    public Settings {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1");
      }
      for (double p : new double[] {downWhenRight, upWhenWrong, smeError, judgeSample}) {
        if (p < 0 || p > 1) {
          throw new IllegalArgumentException("rates must be between 0 and 1");
        }
      }
    }
  }

  private static final int BATCH = 64;

  private final Function<List<String>, float[][]> embedAll;
  private final Consumer<String> log;
  private final Map<String, float[]> vectors = new HashMap<>();

  /**
   * @param embedAll MiniLM over a batch of texts (unit vectors)
   * @param log told what the experiment is doing
   */
  public FlywheelExperiment(Function<List<String>, float[][]> embedAll, Consumer<String> log) {
    this.embedAll = embedAll;
    this.log = log;
  }

  public ExperimentReport run(String name, ExperimentData data, Settings s) {
    long started = System.nanoTime();
    Map<String, Double> timings = new LinkedHashMap<>();
    long t = System.nanoTime();
    List<String> texts = new ArrayList<>();
    data.train().forEach(r -> texts.add(r.text()));
    data.validation().forEach(r -> texts.add(r.text()));
    data.test().forEach(r -> texts.add(r.text()));
    texts.addAll(data.descriptions().values());
    embed(texts);
    timings.put("embed", seconds(t));

    // the teacher: a description and K train exemplars per domain
    t = System.nanoTime();
    Random random = new Random(s.seed());
    List<String> domains = data.domains();
    Map<String, List<ExperimentData.Row>> seeds = new TreeMap<>();
    for (String d : domains) {
      List<ExperimentData.Row> rows =
          new ArrayList<>(data.train().stream().filter(r -> r.label().equals(d)).toList());
      Collections.shuffle(rows, random);
      seeds.put(d, rows.subList(0, Math.min(s.k(), rows.size())));
    }
    List<ZeroShotRouter.DomainEvidence> evidence = new ArrayList<>();
    for (String d : domains) {
      evidence.add(
          new ZeroShotRouter.DomainEvidence(
              d,
              vector(data.descriptions().get(d)),
              seeds.get(d).stream().map(r -> vector(r.text())).toList()));
    }
    Function<String, float[]> fresh = text -> embedAll.apply(List.of(text))[0];
    ZeroShotRouter teacher = new ZeroShotRouter(evidence, fresh, null, 0.05);

    // production: the train split arrives as questions, routed by the teacher and rated
    List<Interaction> traffic = new ArrayList<>();
    for (ExperimentData.Row r : data.train()) {
      String routed = StudentRouter.label(teacher.route(vector(r.text())));
      boolean right = routed.equals(r.label());
      boolean satisfied =
          right ? random.nextDouble() >= s.downWhenRight() : random.nextDouble() < s.upWhenWrong();
      traffic.add(new Interaction(r.text(), r.label(), routed, satisfied));
    }
    timings.put("teacher+production", seconds(t));
    log.accept("teacher routed " + traffic.size() + " questions");

    t = System.nanoTime();
    GroundTruth truth = groundTruth(traffic, evidence, domains, seeds, s, Oracle.NONE);
    timings.put("judge+sme+curate", seconds(t));
    List<Curation.Example> curated = truth.curated();
    log.accept(
        curated.size()
            + " curated examples ("
            + truth.provenance()
            + "), "
            + String.format("%.1f%%", 100 * truth.labelNoise())
            + " wrong labels");
    GroundTruth perfectJudge = groundTruth(traffic, evidence, domains, seeds, s, Oracle.JUDGE);
    GroundTruth perfectAll =
        groundTruth(traffic, evidence, domains, seeds, s, Oracle.JUDGE_AND_RATINGS);

    List<Curation.Example> validation =
        data.validation().stream().map(r -> example(r.text(), r.label())).toList();
    TreeSet<String> labelSet = new TreeSet<>(domains);
    if (validation.stream().anyMatch(e -> e.label().equals(RouteLabels.OOS))
        || data.test().stream().anyMatch(r -> r.label().equals(RouteLabels.OOS))) {
      labelSet.add(RouteLabels.OOS);
    }
    List<String> labels = new ArrayList<>(labelSet);
    List<Curation.Example> seedOnly =
        seeds.values().stream()
            .flatMap(List::stream)
            .map(r -> example(r.text(), r.label()))
            .toList();
    List<Curation.Example> allGold =
        data.train().stream().map(r -> example(r.text(), r.label())).toList();

    // training: the flywheel's students, the untuned student and the all-gold ceiling
    t = System.nanoTime();
    Map<String, StudentRecipe.Trained> students = new LinkedHashMap<>();
    students.put(
        "student ngram (flywheel)",
        train(StudentRecipe.NGRAM, "ngram-flywheel", curated, validation, labels, fresh));
    students.put(
        "student minilm-mlp (flywheel)",
        train(StudentRecipe.MINILM_MLP, "mlp-flywheel", curated, validation, labels, fresh));
    students.put(
        "ablation: ngram, perfect judge",
        train(
            StudentRecipe.NGRAM,
            "ngram-perfect-judge",
            perfectJudge.curated(),
            validation,
            labels,
            fresh));
    students.put(
        "ablation: ngram, perfect judge and truthful ratings",
        train(
            StudentRecipe.NGRAM,
            "ngram-perfect-all",
            perfectAll.curated(),
            validation,
            labels,
            fresh));
    students.put(
        "untuned ngram (K exemplars only)",
        train(StudentRecipe.NGRAM, "ngram-untuned", seedOnly, validation, labels, fresh));
    students.put(
        "ceiling ngram (all gold train)",
        train(StudentRecipe.NGRAM, "ngram-gold", allGold, validation, labels, fresh));
    students.put(
        "ceiling minilm-mlp (all gold train)",
        train(StudentRecipe.MINILM_MLP, "mlp-gold", allGold, validation, labels, fresh));
    timings.put("train", seconds(t));

    // evaluation on the test split, every model in one run
    t = System.nanoTime();
    CostModel prices = CostModel.defaults();
    List<String> goldTest = data.test().stream().map(ExperimentData.Row::label).toList();
    List<ModelRow> rows = new ArrayList<>();
    Latency teacherLatency = latency(teacher, data.test(), s.latencySample());
    double teacherCost = prices.cpuPerThousand(teacherLatency.p50);
    rows.add(
        row(
            "teacher zero-shot (K=" + s.k() + ")",
            domains.size() * (long) s.k(),
            score(domains, goldTest, q -> teacher.route(vector(q)), data.test()),
            teacherLatency,
            (long) domains.size() * vector(data.descriptions().get(domains.get(0))).length,
            true,
            prices,
            teacherCost,
            teacherLatency));
    for (var e : students.entrySet()) {
      StudentRouter router = e.getValue().router();
      LinearHead head = e.getValue().result().head();
      Latency latency = latency(router, data.test(), s.latencySample());
      rows.add(
          row(
              e.getKey(),
              trainedOn(e.getKey(), seedOnly, allGold, truth, perfectJudge, perfectAll),
              score(
                  domains,
                  goldTest,
                  q -> router.needsEmbedding() ? router.route(vector(q)) : router.route(q),
                  data.test()),
              latency,
              head.parameters(),
              router.needsEmbedding(),
              prices,
              teacherCost,
              teacherLatency));
    }
    timings.put("evaluate", seconds(t));

    int unsatisfied = (int) traffic.stream().filter(i -> !i.satisfied).count();
    int misroutes = (int) traffic.stream().filter(Interaction::misrouted).count();
    Funnel funnel =
        new Funnel(
            traffic.size(),
            traffic.size(),
            traffic.size() - unsatisfied,
            unsatisfied,
            truth.judged(),
            truth.flagged(),
            truth.confirmed(),
            curated.size(),
            misroutes,
            truth.provenance(),
            truth.labelNoise());
    JudgeQuality quality =
        new JudgeQuality(
            truth.flagged() == 0 ? 0 : (double) truth.flaggedMisroutes() / truth.flagged(),
            truth.judgedMisroutes() == 0
                ? 0
                : (double) truth.flaggedMisroutes() / truth.judgedMisroutes(),
            misroutes == 0 ? 0 : (double) truth.flaggedMisroutes() / misroutes,
            perfectJudge.labelNoise(),
            perfectAll.labelNoise());
    timings.put("total", seconds(started));
    return new ExperimentReport(
        name,
        s,
        data.train().size(),
        data.validation().size(),
        data.test().size(),
        rows,
        funnel,
        quality,
        timings,
        StudentRecipe.class.getSimpleName());
  }

  /** What the ablations replace by the gold label: nothing, the judge, or judge and ratings. */
  enum Oracle {
    NONE,
    JUDGE,
    JUDGE_AND_RATINGS
  }

  /** The curated ground truth of one run of judge, SMEs and curation, with its counts. */
  record GroundTruth(
      List<Curation.Example> curated,
      Map<String, Integer> provenance,
      double labelNoise,
      int judged,
      int judgedMisroutes,
      int flagged,
      int flaggedMisroutes,
      int confirmed) {}

  private GroundTruth groundTruth(
      List<Interaction> traffic,
      List<ZeroShotRouter.DomainEvidence> evidence,
      List<String> domains,
      Map<String, List<ExperimentData.Row>> seeds,
      Settings s,
      Oracle oracle) {
    Random random = new Random(s.seed() + 1 + oracle.ordinal());
    Judge judge = new EmbeddedJudge(EmbeddedJudge.DEFAULT_FLOOR, EmbeddedJudge.DEFAULT_MARGIN);
    int judged = 0;
    int judgedMisroutes = 0;
    int flagged = 0;
    int flaggedMisroutes = 0;
    int confirmed = 0;
    List<Curation.Example> labelled = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    Map<String, Integer> provenance = new TreeMap<>();
    for (List<ExperimentData.Row> rows : seeds.values()) {
      for (ExperimentData.Row r : rows) {
        labelled.add(example(r.text(), r.label()));
        gold.put(r.text(), r.label());
        provenance.merge("SEED", 1, Integer::sum);
      }
    }
    for (Interaction i : traffic) {
      boolean satisfied = oracle == Oracle.JUDGE_AND_RATINGS ? !i.misrouted() : i.satisfied;
      String decision = null;
      String decidedDomain = null;
      if (!satisfied || random.nextDouble() < s.judgeSample()) {
        judged++;
        judgedMisroutes += i.misrouted() ? 1 : 0;
        boolean flag;
        if (oracle == Oracle.NONE) {
          // the domains' knowledge is their description and exemplars
          Map<String, Double> similarity = new LinkedHashMap<>();
          float[] q = vector(i.text);
          for (ZeroShotRouter.DomainEvidence d : evidence) {
            double best = MiniLmEmbedder.dot(q, d.description());
            for (float[] e : d.exemplars()) {
              best = Math.max(best, MiniLmEmbedder.dot(q, e));
            }
            similarity.put(d.key(), best);
          }
          String routedDomain = i.routed.equals(RouteLabels.OOS) ? null : i.routed;
          Verdict v =
              judge.judge(
                  new Judge.Evidence(
                      i.text, routedDomain, satisfied, null, null, routedDomain, null, similarity));
          flag = v.attribution() == Verdict.Attribution.ROUTING;
        } else {
          flag = i.misrouted();
        }
        if (flag) {
          flagged++;
          flaggedMisroutes += i.misrouted() ? 1 : 0;
          // a simulated SME decides from the gold label, wrong with the configured rate
          boolean mistaken = random.nextDouble() < s.smeError();
          Consensus.Vote vote;
          if (i.misrouted() != mistaken) {
            String domain = i.misrouted() ? i.gold : other(i.routed, domains, random);
            vote =
                new Consensus.Vote(
                    "CORRECT_DOMAIN",
                    domain.equals(RouteLabels.OOS) ? RouteLabels.OUT_OF_SCOPE : domain);
          } else {
            vote = new Consensus.Vote("CONFIRM_ROUTE", null);
          }
          Consensus.Outcome outcome = Consensus.of(List.of(vote), 1, Consensus.Rule.MAJORITY);
          decision = outcome.decided().decision();
          decidedDomain = outcome.decided().domain();
          confirmed += "CORRECT_DOMAIN".equals(decision) ? 1 : 0;
        }
      }
      var label = LabelRule.of(i.routed, decision, decidedDomain, satisfied ? "up" : "down", null);
      if (label.isPresent()) {
        labelled.add(example(i.text, label.get().label()));
        gold.putIfAbsent(i.text, i.gold);
        provenance.merge(label.get().provenance(), 1, Integer::sum);
      }
    }
    List<Curation.Example> curated = Curation.deduplicate(labelled, 0.98);
    long wrong = curated.stream().filter(e -> !e.label().equals(gold.get(e.text()))).count();
    return new GroundTruth(
        curated,
        provenance,
        curated.isEmpty() ? 0 : (double) wrong / curated.size(),
        judged,
        judgedMisroutes,
        flagged,
        flaggedMisroutes,
        confirmed);
  }

  private static long trainedOn(
      String name,
      List<Curation.Example> seedOnly,
      List<Curation.Example> allGold,
      GroundTruth truth,
      GroundTruth perfectJudge,
      GroundTruth perfectAll) {
    if (name.contains("untuned")) {
      return seedOnly.size();
    }
    if (name.contains("all gold")) {
      return allGold.size();
    }
    if (name.contains("truthful")) {
      return perfectAll.curated().size();
    }
    if (name.contains("perfect judge")) {
      return perfectJudge.curated().size();
    }
    return truth.curated().size();
  }

  private StudentRecipe.Trained train(
      String architecture,
      String version,
      List<Curation.Example> fit,
      List<Curation.Example> validation,
      List<String> labels,
      Function<String, float[]> embed) {
    log.accept("training " + version + " on " + fit.size() + " examples");
    return StudentRecipe.train(
        architecture,
        version,
        fit,
        validation,
        labels,
        null,
        StudentRecipe.PATIENCE,
        embed,
        progress -> {});
  }

  private static ModelRow row(
      String name,
      long trainedOn,
      RoutingMetrics.Report report,
      Latency latency,
      long parameters,
      boolean encoder,
      CostModel prices,
      double teacherCost,
      Latency teacher) {
    double cost = prices.cpuPerThousand(latency.p50);
    return new ModelRow(
        name,
        trainedOn,
        report.accuracy(),
        report.macroF1(),
        report.oosRecall(),
        latency.p50,
        latency.p95,
        parameters,
        parameters * 4,
        encoder,
        cost,
        teacherCost == 0 ? 1 : cost / teacherCost,
        latency.p50 == 0 ? 0 : teacher.p50 / latency.p50);
  }

  private static RoutingMetrics.Report score(
      List<String> domains,
      List<String> gold,
      Function<String, RouteDecision> route,
      List<ExperimentData.Row> test) {
    List<String> predicted =
        test.stream().map(r -> StudentRouter.label(route.apply(r.text()))).toList();
    return RoutingMetrics.score(domains, gold, predicted);
  }

  /** Warm, in-process route latency from the question's text (embedding included). */
  record Latency(double p50, double p95) {}

  private static Latency latency(Router router, List<ExperimentData.Row> test, int sample) {
    List<String> questions =
        test.stream().map(ExperimentData.Row::text).limit(Math.max(1, sample)).toList();
    for (int i = 0; i < Math.min(200, questions.size()); i++) {
      router.route(questions.get(i));
    }
    List<Double> micros = new ArrayList<>();
    for (String q : questions) {
      long t = System.nanoTime();
      router.route(q);
      micros.add((System.nanoTime() - t) / 1000.0);
    }
    return new Latency(
        RoutingMetrics.percentile(micros, 50), RoutingMetrics.percentile(micros, 95));
  }

  private static String other(String routed, List<String> domains, Random random) {
    List<String> choices = new ArrayList<>(domains);
    choices.add(RouteLabels.OOS);
    choices.remove(routed);
    return choices.get(random.nextInt(choices.size()));
  }

  private Curation.Example example(String text, String label) {
    return new Curation.Example(text, label, vector(text));
  }

  private void embed(List<String> texts) {
    List<String> missing = texts.stream().distinct().filter(x -> !vectors.containsKey(x)).toList();
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
      float[][] v = embedAll.apply(batch);
      for (int i = 0; i < v.length; i++) {
        vectors.put(batch.get(i), v[i]);
      }
      if ((from / BATCH) % 50 == 0) {
        log.accept("embedded " + (from + batch.size()) + " of " + missing.size() + " texts");
      }
    }
  }

  private float[] vector(String text) {
    float[] v = vectors.get(text);
    if (v == null) {
      v = embedAll.apply(List.of(text))[0];
      vectors.put(text, v);
    }
    return v;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** One simulated question: its gold label, the teacher's route, the rating and the review. */
  private static final class Interaction {
    final String text;
    final String gold;
    final String routed;
    final boolean satisfied;

    Interaction(String text, String gold, String routed, boolean satisfied) {
      this.text = text;
      this.gold = gold;
      this.routed = routed;
      this.satisfied = satisfied;
    }

    boolean misrouted() {
      return !routed.equals(gold);
    }
  }
}
