package io.infodesk.experiment.control;

import io.infodesk.curation.control.LabelRule;
import io.infodesk.curation.model.Curation;
import io.infodesk.evaluation.model.CostModel;
import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.experiment.control.ExperimentReport.CycleRow;
import io.infodesk.experiment.control.ExperimentReport.Funnel;
import io.infodesk.experiment.control.ExperimentReport.JudgeQuality;
import io.infodesk.experiment.control.ExperimentReport.ModelRow;
import io.infodesk.flywheel.control.OutOfFold;
import io.infodesk.flywheel.control.TrainingPipeline;
import io.infodesk.platform.control.Vectors;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.review.control.Consensus;
import io.infodesk.review.control.EmbeddedJudge;
import io.infodesk.review.control.Judge;
import io.infodesk.review.control.LabelSuspicion;
import io.infodesk.review.control.ReviewBudget;
import io.infodesk.review.entity.Verdict;
import io.infodesk.review.model.Disagreements;
import io.infodesk.review.model.JudgeLabel;
import io.infodesk.review.model.Learning;
import io.infodesk.routing.control.ZeroShotRouter;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.routing.model.ExpectedAccuracy;
import io.infodesk.routing.model.LinearHead;
import io.infodesk.routing.model.Router;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.model.StudentRecipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The flywheel on a public dataset, with InfoDesk's own classes: the zero-shot teacher from a
 * description and K exemplars per domain routes the train split as if employees asked it; ratings
 * are simulated from the gold labels with noise; the embedded judge flags misroutes among the
 * unsatisfied (and a sample of the satisfied); simulated SMEs decide the flagged items from the
 * gold label with an error rate; {@link LabelRule} and {@link Curation} turn that into ground
 * truth; {@link StudentRecipe} trains both students; everything is scored on the test split in one
 * run, beside the untuned student (K exemplars and the descriptions) and the all-gold ceiling. The
 * validation split makes every choice (early stopping, thresholds); the test split is only scored.
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
      int latencySample,
      int cycles,
      double reviewBudget,
      double outOfScopeShare,
      double maxAccuracyDrop) {

    public static Settings defaults() {
      return new Settings(
          5,
          0.10,
          0.20,
          0.02,
          0.10,
          42,
          1000,
          6,
          0.05,
          ExpectedAccuracy.OUT_OF_SCOPE_SHARE,
          PromotionGate.Bounds.defaults().maxAccuracyDrop());
    }

    /** The same settings with {@code cycles} cycles and {@code reviewBudget} SME reviews. */
    public Settings withCycles(int cycles, double reviewBudget) {
      return new Settings(
          k,
          downWhenRight,
          upWhenWrong,
          smeError,
          judgeSample,
          seed,
          latencySample,
          cycles,
          reviewBudget,
          outOfScopeShare,
          maxAccuracyDrop);
    }

    public Settings {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1");
      }
      if (cycles < 1) {
        throw new IllegalArgumentException("cycles must be at least 1");
      }
      if (reviewBudget < 0 || reviewBudget > 1) {
        throw new IllegalArgumentException("the review budget must be between 0 and 1");
      }
      ExpectedAccuracy.requireShare(outOfScopeShare);
      for (double p :
          new double[] {downWhenRight, upWhenWrong, smeError, judgeSample, maxAccuracyDrop}) {
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
   * Where the students are trained: as many at once as there are processors. Every student depends
   * only on its own inputs and seed, and each result is taken in its place, so the figures are
   * those of one training after the other; only the wall time is shorter. Never two MiniLM + MLP
   * students at once: DJL's random seed is the engine's, so the code below trains at most one at a
   * time. Idle threads end, so an experiment leaves none behind.
   */
  private final ExecutorService training = trainingThreads();

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
    ZeroShotRouter teacher = new ZeroShotRouter(evidence, fresh, declineBelow(data), 0.05);

    List<Curation.Example> validation =
        data.validation().stream().map(r -> example(r.text(), r.label())).toList();
    TreeSet<String> labelSet = new TreeSet<>(domains);
    labelSet.add(RouteLabels.OOS);
    List<String> labels = new ArrayList<>(labelSet);
    // the untuned student and the ceilings learn the descriptions too, as the flywheel's students
    List<Curation.Example> described = descriptions(data);
    List<Curation.Example> seedOnly = new ArrayList<>(described);
    seeds.values().stream()
        .flatMap(List::stream)
        .forEach(r -> seedOnly.add(example(r.text(), r.label())));
    List<Curation.Example> allGold = new ArrayList<>(described);
    data.train().forEach(r -> allGold.add(example(r.text(), r.label())));
    timings.put("teacher", seconds(t));

    // the flywheel: the train split arrives in cycles, each routed by the router live after the
    // previous one, rated, judged, reviewed within the budget, curated, trained on and gated
    t = System.nanoTime();
    Turns turns = turn(data, teacher, evidence, domains, labels, seeds, validation, s, fresh);
    timings.put("cycles", seconds(t));
    StudentRecipe.Trained flywheelNgram = turns.lastNgram();
    StudentRecipe.Trained flywheelMlp = turns.lastMlp();

    // the ablations, on one pass of the teacher's traffic (the single-cycle view)
    t = System.nanoTime();
    List<Interaction> traffic = new ArrayList<>();
    Random ratings = new Random(s.seed() + 99);
    for (ExperimentData.Row r : data.train()) {
      String routed = StudentRouter.label(teacher.route(vector(r.text())));
      boolean right = routed.equals(r.label());
      boolean satisfied =
          right
              ? ratings.nextDouble() >= s.downWhenRight()
              : ratings.nextDouble() < s.upWhenWrong();
      traffic.add(new Interaction(r.text(), r.label(), routed, satisfied));
    }
    GroundTruth perfectJudge = groundTruth(traffic, evidence, domains, seeds, s, Oracle.JUDGE);
    GroundTruth perfectAll =
        groundTruth(traffic, evidence, domains, seeds, s, Oracle.JUDGE_AND_RATINGS);

    // training: the ablations, the untuned student and the all-gold ceiling
    // (at once, each in its place in the table: the same students as one after the other; the
    // MLP, the longest, first)
    CompletableFuture<StudentRecipe.Trained> mlpGold =
        training(
            StudentRecipe.MINILM_MLP,
            "mlp-gold",
            allGold,
            validation,
            labels,
            fresh,
            s.outOfScopeShare());
    Map<String, CompletableFuture<StudentRecipe.Trained>> pending = new LinkedHashMap<>();
    pending.put("student ngram (flywheel)", CompletableFuture.completedFuture(flywheelNgram));
    pending.put("student minilm-mlp (flywheel)", CompletableFuture.completedFuture(flywheelMlp));
    pending.put(
        "ablation: ngram, one cycle, perfect judge",
        training(
            StudentRecipe.NGRAM,
            "ngram-perfect-judge",
            perfectJudge.curated(),
            validation,
            labels,
            fresh,
            s.outOfScopeShare()));
    pending.put(
        "ablation: ngram, one cycle, perfect judge and truthful ratings",
        training(
            StudentRecipe.NGRAM,
            "ngram-perfect-all",
            perfectAll.curated(),
            validation,
            labels,
            fresh,
            s.outOfScopeShare()));
    // what the flywheel's wrong labels cost: its own questions, each with its gold label
    List<Curation.Example> flywheelGold = turns.curatedGold();
    pending.put(
        DIAGNOSIS,
        training(
            StudentRecipe.NGRAM,
            "ngram-flywheel-gold",
            flywheelGold,
            validation,
            labels,
            fresh,
            s.outOfScopeShare()));
    pending.put(
        "untuned ngram (K exemplars and descriptions)",
        training(
            StudentRecipe.NGRAM,
            "ngram-untuned",
            seedOnly,
            validation,
            labels,
            fresh,
            s.outOfScopeShare()));
    pending.put(
        "ceiling ngram (all gold train)",
        training(
            StudentRecipe.NGRAM,
            "ngram-gold",
            allGold,
            validation,
            labels,
            fresh,
            s.outOfScopeShare()));
    pending.put("ceiling minilm-mlp (all gold train)", mlpGold);
    Map<String, StudentRecipe.Trained> students = new LinkedHashMap<>();
    pending.forEach((row, student) -> students.put(row, student.join()));
    timings.put("ablations+ceilings", seconds(t));
    Map<String, Long> trainedOn = new HashMap<>();
    trainedOn.put("student ngram (flywheel)", (long) turns.curated().size());
    trainedOn.put("student minilm-mlp (flywheel)", (long) turns.curated().size());
    trainedOn.put(
        "ablation: ngram, one cycle, perfect judge", (long) perfectJudge.curated().size());
    trainedOn.put(
        "ablation: ngram, one cycle, perfect judge and truthful ratings",
        (long) perfectAll.curated().size());
    trainedOn.put(DIAGNOSIS, (long) flywheelGold.size());
    trainedOn.put("untuned ngram (K exemplars and descriptions)", (long) seedOnly.size());
    trainedOn.put("ceiling ngram (all gold train)", (long) allGold.size());
    trainedOn.put("ceiling minilm-mlp (all gold train)", (long) allGold.size());

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
            4L * domains.size() * vector(data.descriptions().get(domains.get(0))).length,
            true,
            prices,
            teacherCost,
            teacherLatency,
            askPathLatency(teacher, data.test(), s.latencySample())));
    for (var e : students.entrySet()) {
      StudentRouter router = e.getValue().router();
      LinearHead head = e.getValue().result().head();
      Latency latency = latency(router, data.test(), s.latencySample());
      rows.add(
          row(
              e.getKey(),
              trainedOn.get(e.getKey()),
              score(
                  domains,
                  goldTest,
                  q -> router.needsEmbedding() ? router.route(vector(q)) : router.route(q),
                  data.test()),
              latency,
              head.parameters(),
              head.toBytes().length,
              router.needsEmbedding(),
              prices,
              teacherCost,
              teacherLatency,
              askPathLatency(router, data.test(), s.latencySample())));
    }
    timings.put("evaluate", seconds(t));

    timings.put("total", seconds(started));
    return new ExperimentReport(
        name,
        s,
        data.train().size(),
        data.validation().size(),
        data.test().size(),
        data.splits(),
        rows,
        turns.funnel(),
        new JudgeQuality(
            turns.flagged() == 0 ? 0 : (double) turns.flaggedMisroutes() / turns.flagged(),
            turns.judgedMisroutes() == 0
                ? 0
                : (double) turns.flaggedMisroutes() / turns.judgedMisroutes(),
            turns.funnel().teacherMisroutes() == 0
                ? 0
                : (double) turns.flaggedMisroutes() / turns.funnel().teacherMisroutes(),
            perfectJudge.labelNoise(),
            perfectAll.labelNoise()),
        timings,
        StudentRecipe.class.getSimpleName(),
        turns.cycles());
  }

  /**
   * What the cycles produced: a row per cycle, the last candidates, the ground truth, and the same
   * ground truth with each question's gold label.
   */
  record Turns(
      List<CycleRow> cycles,
      StudentRecipe.Trained lastNgram,
      StudentRecipe.Trained lastMlp,
      List<Curation.Example> curated,
      List<Curation.Example> curatedGold,
      Funnel funnel,
      int flagged,
      int flaggedMisroutes,
      int judgedMisroutes) {}

  /** One question of the traffic (or a seed exemplar) with what the flywheel knows of it. */
  private static final class Entry {
    final String text;
    final String gold;
    final float[] vector;
    String routed;
    String teacherRoute;
    boolean satisfied = true;
    String label;
    String provenance;
    boolean reviewed;
    boolean suspect;
    LabelSuspicion.Assessment assessment;

    Entry(String text, String gold, float[] vector) {
      this.text = text;
      this.gold = gold;
      this.vector = vector;
    }

    String current() {
      return label != null ? label : routed;
    }
  }

  /** Nearest curated examples the judge looks at. */
  static final int NEIGHBOURS = 10;

  /** The report's row of the n-gram trained on the flywheel's questions with their gold labels. */
  public static final String DIAGNOSIS =
      "diagnosis: ngram, the flywheel's questions with gold labels";

  private Turns turn(
      ExperimentData data,
      ZeroShotRouter teacher,
      List<ZeroShotRouter.DomainEvidence> evidence,
      List<String> domains,
      List<String> labels,
      Map<String, List<ExperimentData.Row>> seeds,
      List<Curation.Example> validation,
      Settings s,
      Function<String, float[]> fresh) {
    List<ExperimentData.Row> arriving = new ArrayList<>(data.train());
    Collections.shuffle(arriving, new Random(s.seed() + 7));
    Random ratings = new Random(s.seed() + 3);
    Random smes = new Random(s.seed() + 5);
    Judge judge = new EmbeddedJudge(EmbeddedJudge.DEFAULT_FLOOR, EmbeddedJudge.DEFAULT_MARGIN);
    List<Entry> pool = new ArrayList<>();
    for (List<ExperimentData.Row> rows : seeds.values()) {
      for (ExperimentData.Row r : rows) {
        pool.add(given(r.text(), r.label(), "SEED"));
      }
    }
    // each domain's description, a labelled example as the server's datasets hold it
    for (Curation.Example d : descriptions(data)) {
      pool.add(given(d.text(), d.label(), "DESCRIPTION"));
    }
    List<String> goldTest = data.test().stream().map(ExperimentData.Row::label).toList();
    Function<String, RouteDecision> teacherRoute = q -> teacher.route(vector(q));
    // the teacher as the pipeline scores it, from the question's cached vector
    Router cachedTeacher = new ZeroShotRouter(evidence, this::vector, declineBelow(data), 0.05);
    RoutingMetrics.Report teacherTest = score(domains, goldTest, teacherRoute, data.test());
    // the teacher's share of the validation examples, which the judge's evidence must reach before
    // it labels a complaint, and one of the ways it may set a route aside (Learning.allows)
    List<String> goldValidation = validation.stream().map(Curation.Example::label).toList();
    List<String> teacherOnValidation =
        validation.stream().map(x -> StudentRouter.label(teacherRoute.apply(x.text()))).toList();
    double teacherValidation =
        java.util.stream.IntStream.range(0, validation.size())
                .filter(i -> teacherOnValidation.get(i).equals(goldValidation.get(i)))
                .count()
            / (double) Math.max(1, validation.size());
    Router live = cachedTeacher;
    String liveName = "teacher";
    RoutingMetrics.Report liveTest = teacherTest;
    PromotionGate.Bounds bounds =
        PromotionGate.Bounds.defaults().withMaxAccuracyDrop(s.maxAccuracyDrop());

    List<CycleRow> rows = new ArrayList<>();
    StudentRecipe.Trained lastNgram = null;
    StudentRecipe.Trained lastMlp = null;
    List<Curation.Example> curated = List.of();
    int traffic = 0;
    int unsatisfied = 0;
    int judged = 0;
    int judgedMisroutes = 0;
    int flagged = 0;
    int flaggedMisroutes = 0;
    int corrected = 0;
    int misroutes = 0;
    int reviews = 0;
    int settled = 0;
    for (int c = 0; c < s.cycles(); c++) {
      List<ExperimentData.Row> batch =
          arriving.subList(
              c * arriving.size() / s.cycles(), (c + 1) * arriving.size() / s.cycles());
      String servedBy = liveName;
      // production: the batch is asked, routed by the live router (the teacher in shadow), rated
      List<Entry> arrived = new ArrayList<>();
      for (ExperimentData.Row r : batch) {
        Entry e = new Entry(r.text(), r.label(), vector(r.text()));
        e.routed = StudentRouter.label(live.route(r.text(), e.vector));
        e.teacherRoute = StudentRouter.label(teacherRoute.apply(r.text()));
        boolean right = e.routed.equals(e.gold);
        e.satisfied =
            right
                ? ratings.nextDouble() >= s.downWhenRight()
                : ratings.nextDouble() < s.upWhenWrong();
        LabelRule.of(e.routed, null, null, e.satisfied ? "up" : "down", null)
            .ifPresent(
                l -> {
                  e.label = l.label();
                  e.provenance = l.provenance();
                });
        traffic++;
        unsatisfied += e.satisfied ? 0 : 1;
        misroutes += right ? 0 : 1;
        arrived.add(e);
        pool.add(e);
      }
      log.accept("cycle " + (c + 1) + ": " + batch.size() + " questions served by " + servedBy);

      // the judge's labels are its opinion of the moment: each cycle it judges them again
      for (Entry e : pool) {
        if (JudgeLabel.RELABELED.equals(e.provenance)) {
          e.label = null;
          e.provenance = null;
        }
      }

      // what the flywheel has learned so far: a student out of fold, and the curated examples
      Evidence learned = outOfFold(pool, validation, labels, c);
      Map<Entry, Map<String, Double>> outOfFold = learned.probabilities();
      Disagreements disagreements =
          outOfFold.isEmpty()
              ? Disagreements.NONE
              : Disagreements.of(goldValidation, teacherOnValidation, learned.validationScores());
      // the server's rule (Learning.allows): which opinions the evidence may give
      boolean setsAside =
          Learning.allows(
              JudgeLabel.Kind.SET_ASIDE,
              !outOfFold.isEmpty(),
              learned.accuracy(),
              teacherValidation,
              disagreements);
      boolean relabels =
          Learning.allows(
              JudgeLabel.Kind.RELABEL,
              !outOfFold.isEmpty(),
              learned.accuracy(),
              teacherValidation,
              disagreements);
      log.accept(
          String.format(
              java.util.Locale.ROOT,
              "cycle %d: evidence %.3f against the teacher's %.3f on validation; where it"
                  + " confidently contradicts the teacher it is right %d times, the teacher %d:"
                  + " %s",
              c + 1,
              learned.accuracy(),
              teacherValidation,
              disagreements.evidenceRight(),
              disagreements.teacherRight(),
              Learning.verdict(relabels, setsAside)));
      List<Entry> labelled = pool.stream().filter(e -> e.label != null && !e.suspect).toList();
      java.util.Set<Entry> arrivedSet =
          java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      arrivedSet.addAll(arrived);

      // the judge: new traffic (every unsatisfied rating and a sample of the satisfied) with the
      // learned evidence, and every earlier label not yet reviewed by its out-of-fold student
      List<ReviewBudget.Candidate> candidates = new ArrayList<>();
      Map<String, Entry> byKey = new HashMap<>();
      int cycleFlagged = 0;
      int cycleFlaggedMisroutes = 0;
      int cycleJudgedMisroutes = 0;
      List<Entry> toJudge = new ArrayList<>();
      for (Entry e : arrived) {
        if (!e.satisfied || ratings.nextDouble() < s.judgeSample()) {
          toJudge.add(e);
        }
      }
      // the nearest curated examples of what is judged now and of every question still without
      // a label (rated down, not yet reviewed)
      List<Entry> lookUp = new ArrayList<>(toJudge);
      for (Entry e : pool) {
        if (!e.reviewed && e.label == null && !arrivedSet.contains(e)) {
          lookUp.add(e);
        }
      }
      Map<Entry, List<LabelSuspicion.Neighbour>> nearest = nearest(lookUp, labelled);
      java.util.Set<Entry> judgedSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      judgedSet.addAll(toJudge);
      for (Entry e : pool) {
        if (e.reviewed) {
          continue;
        }
        boolean isJudged = judgedSet.contains(e);
        if (arrivedSet.contains(e) && !isJudged) {
          continue;
        }
        boolean routingSuspected = false;
        if (isJudged) {
          Map<String, Double> similarity = new LinkedHashMap<>();
          for (ZeroShotRouter.DomainEvidence d : evidence) {
            double best = Vectors.dot(e.vector, d.description());
            for (float[] x : d.exemplars()) {
              best = Math.max(best, Vectors.dot(e.vector, x));
            }
            similarity.put(d.key(), best);
          }
          String routedDomain = e.routed.equals(RouteLabels.OOS) ? null : e.routed;
          Verdict v =
              judge.judge(
                  new Judge.Evidence(
                      e.text,
                      routedDomain,
                      e.satisfied,
                      null,
                      null,
                      e.teacherRoute.equals(RouteLabels.OOS) ? null : e.teacherRoute,
                      routedDomain,
                      similarity));
          routingSuspected = v.attribution() == Verdict.Attribution.ROUTING;
        }
        LabelSuspicion.Assessment a =
            LabelSuspicion.assess(
                new LabelSuspicion.Evidence(
                    e.current(),
                    e.teacherRoute,
                    outOfFold.get(e),
                    nearest.getOrDefault(e, List.of()),
                    !e.satisfied,
                    routingSuspected));
        boolean misrouted = !e.current().equals(e.gold);
        if (isJudged) {
          judged++;
          judgedMisroutes += misrouted ? 1 : 0;
          cycleJudgedMisroutes += misrouted ? 1 : 0;
          if (a.wrongProbability() >= 0.5) {
            flagged++;
            cycleFlagged++;
            flaggedMisroutes += misrouted ? 1 : 0;
            cycleFlaggedMisroutes += misrouted ? 1 : 0;
          }
        }
        // the server's rule (JudgeLabel): a LOGGED label the evidence contradicts is set aside
        e.suspect = setsAside && e.label != null && a.judgeLabel(e.provenance).isPresent();
        e.assessment = a;
        // an earlier question rated up keeps its route's LOGGED label: as the server's judge
        // (JudgeService), an SME sees it only where the evidence may opine and is confident
        if (!arrivedSet.contains(e) && e.satisfied && !a.reexamines(setsAside)) {
          continue;
        }
        String key = Integer.toString(byKey.size());
        byKey.put(key, e);
        candidates.add(
            new ReviewBudget.Candidate(
                key, e.current(), a.wrongProbability(), e.vector, e.text, a.reason()));
      }

      // SMEs review the items with the highest expected gain, within the cycle's budget
      Map<String, Integer> labelCounts = new HashMap<>();
      labelled.forEach(e -> labelCounts.merge(e.label, 1, Integer::sum));
      int budget = (int) Math.floor(s.reviewBudget() * batch.size() + 1e-9);
      for (ReviewBudget.Choice choice : ReviewBudget.choose(candidates, budget, labelCounts, 0.5)) {
        Entry e = byKey.get(choice.candidate().key());
        String current = e.current();
        boolean wrong = !current.equals(e.gold);
        boolean mistaken = smes.nextDouble() < s.smeError();
        Consensus.Vote vote =
            wrong != mistaken
                ? new Consensus.Vote(
                    "CORRECT_DOMAIN",
                    RouteLabels.toCorrection(wrong ? e.gold : other(current, domains, smes)))
                : new Consensus.Vote("CONFIRM_ROUTE", null);
        Consensus.Outcome outcome = Consensus.of(List.of(vote), 1, Consensus.Rule.MAJORITY);
        String decision = outcome.decided().decision();
        String decidedDomain = outcome.decided().domain();
        reviews++;
        if ("CORRECT_DOMAIN".equals(decision) && arrivedSet.contains(e) && judgedSet.contains(e)) {
          corrected++;
        }
        apply(e, current, decision, decidedDomain, false);
        for (ReviewBudget.Candidate d : choice.settles()) {
          apply(byKey.get(d.key()), current, decision, decidedDomain, true);
          settled++;
        }
      }

      // the judge relabels what an employee rated down and the learned evidence confidently
      // places elsewhere; the rest of the unreviewed, rated-down questions stay without a label
      int judgeRelabelled = 0;
      for (Entry e : pool) {
        if (!relabels || e.reviewed || e.label != null || e.assessment == null) {
          continue;
        }
        var opinion = e.assessment.judgeLabel(null);
        if (opinion.isPresent()) {
          e.label = opinion.get().label();
          e.provenance = JudgeLabel.RELABELED;
          judgeRelabelled++;
        }
      }

      // curate, train the candidate, gate it against the live router and promote it if it passes
      List<Curation.Example> examples = new ArrayList<>();
      for (Entry e : pool) {
        if (e.label != null && !e.suspect) {
          examples.add(new Curation.Example(e.text, e.label, e.vector));
        }
      }
      log.accept(
          "cycle " + (c + 1) + ": training ngram-c" + (c + 1) + " and minilm-mlp-c" + (c + 1));
      TrainingPipeline.Outcome outcome =
          TrainingPipeline.run(
              new TrainingPipeline.Inputs(
                  examples,
                  validation,
                  validation,
                  labels,
                  List.of(StudentRecipe.NGRAM, StudentRecipe.MINILM_MLP),
                  "c" + (c + 1),
                  null,
                  StudentRecipe.PATIENCE,
                  bounds,
                  null,
                  s.outOfScopeShare()),
              cachedTeacher,
              live,
              fresh,
              p -> {},
              training);
      curated = outcome.groundTruth();
      lastNgram = trained(outcome, StudentRecipe.NGRAM);
      lastMlp = trained(outcome, StudentRecipe.MINILM_MLP);
      java.util.Optional<TrainingPipeline.Candidate> best = outcome.best();
      List<String> decisions = new ArrayList<>();
      if (best.isPresent()) {
        StudentRouter router = best.get().trained().router();
        live = router;
        liveName = router.version();
        liveTest = score(domains, goldTest, q -> router.route(q, vector(q)), data.test());
        decisions.add("promoted " + router.version());
      }
      for (TrainingPipeline.Candidate candidate : outcome.candidates()) {
        if (best.isPresent() && candidate == best.get()) {
          continue;
        }
        decisions.add(
            candidate.decision().pass()
                ? String.format(
                    Locale.ROOT,
                    "passed, not chosen: %s (expected accuracy %.3f against %.3f)",
                    candidate.trained().router().version(),
                    candidate.scored().report().expectedAccuracy(s.outOfScopeShare()),
                    best.get().scored().report().expectedAccuracy(s.outOfScopeShare()))
                : "refused "
                    + candidate.trained().router().version()
                    + ": "
                    + String.join("; ", candidate.decision().reasons()));
      }
      String gate = String.join("; ", decisions);
      long wrongLabels = wrongLabels(curated, goldOf(pool));
      int setAside = (int) pool.stream().filter(e -> e.suspect).count();
      rows.add(
          new CycleRow(
              c + 1,
              batch.size(),
              servedBy,
              liveName,
              gate,
              liveTest.accuracy(),
              oosRecall(liveTest),
              cycleFlagged == 0 ? 0 : (double) cycleFlaggedMisroutes / cycleFlagged,
              cycleJudgedMisroutes == 0 ? 0 : (double) cycleFlaggedMisroutes / cycleJudgedMisroutes,
              reviews,
              (double) reviews / traffic,
              settled,
              setAside,
              curated.size(),
              curated.isEmpty() ? 0 : (double) wrongLabels / curated.size()));
      log.accept(
          String.format(
              Locale.ROOT,
              "cycle %d: %s; live %s at %.1f%% on test; %d reviews so far; %d labelled by the"
                  + " judge; %d ground truth, %.1f%% wrong",
              c + 1,
              gate,
              liveName,
              100 * liveTest.accuracy(),
              reviews,
              judgeRelabelled,
              curated.size(),
              100.0 * wrongLabels / Math.max(1, curated.size())));
    }
    Map<String, Integer> provenance = new TreeMap<>();
    Map<String, Integer> wrongByProvenance = new TreeMap<>();
    pool.stream()
        .filter(e -> e.label != null && !e.suspect)
        .forEach(
            e -> {
              provenance.merge(e.provenance, 1, Integer::sum);
              if (!e.label.equals(e.gold)) {
                wrongByProvenance.merge(e.provenance, 1, Integer::sum);
              }
            });
    Map<String, String> gold = goldOf(pool);
    long wrong = wrongLabels(curated, gold);
    List<Curation.Example> curatedGold =
        curated.stream()
            .map(e -> new Curation.Example(e.text(), gold.get(e.text()), e.vector()))
            .toList();
    Funnel funnel =
        new Funnel(
            traffic,
            traffic,
            traffic - unsatisfied,
            unsatisfied,
            judged,
            flagged,
            corrected,
            curated.size(),
            misroutes,
            provenance,
            wrongByProvenance,
            curated.isEmpty() ? 0 : (double) wrong / curated.size());
    return new Turns(
        rows,
        lastNgram,
        lastMlp,
        curated,
        curatedGold,
        funnel,
        flagged,
        flaggedMisroutes,
        judgedMisroutes);
  }

  /** The gold label of each question of the pool; where a text repeats, its first. */
  private static Map<String, String> goldOf(List<Entry> pool) {
    Map<String, String> gold = new HashMap<>();
    pool.forEach(e -> gold.putIfAbsent(e.text, e.gold));
    return gold;
  }

  /** How many curated labels differ from the gold label of their text. */
  private static long wrongLabels(List<Curation.Example> curated, Map<String, String> gold) {
    return curated.stream().filter(x -> !x.label().equals(gold.get(x.text()))).count();
  }

  /** An SME decision on an entry, or on a near-duplicate it settles. */
  private static void apply(
      Entry e, String current, String decision, String decidedDomain, boolean neighbour) {
    var label = LabelRule.of(current, decision, decidedDomain, e.satisfied ? "up" : "down", null);
    if (label.isPresent()) {
      e.label = label.get().label();
      e.provenance = neighbour ? "SETTLED_BY_SME" : label.get().provenance();
    }
    e.reviewed = true;
    e.suspect = false;
  }

  /**
   * @param probabilities by entry
   * @param accuracy the fold students' share of the validation examples they route right
   */
  private record Evidence(
      Map<Entry, Map<String, Double>> probabilities,
      double accuracy,
      List<Map<String, Double>> validationScores) {}

  /**
   * Each labelled entry's label probabilities from a student that never saw it (two folds), and the
   * unlabelled entries' from the first fold's student. Empty before there is enough to learn.
   */
  private Evidence outOfFold(
      List<Entry> pool, List<Curation.Example> validation, List<String> labels, int cycle) {
    Map<Entry, Map<String, Double>> out = new IdentityHashMap<>();
    List<Entry> labelled = pool.stream().filter(e -> e.label != null).toList();
    OutOfFold.Result folds =
        OutOfFold.of(
            labelled.stream().map(e -> new Curation.Example(e.text, e.label, e.vector)).toList(),
            validation,
            labels,
            cycle * 31L + 11,
            training);
    folds.probabilities().forEach((i, p) -> out.put(labelled.get(i), p));
    if (folds.student() != null) {
      for (Entry e : pool) {
        if (e.label == null) {
          out.put(e, folds.student().route(e.text, e.vector).scores());
        }
      }
    }
    return new Evidence(out, folds.accuracy(), folds.validationScores());
  }

  /** The nearest labelled entries (by MiniLM similarity) of each entry, itself excluded. */
  private static Map<Entry, List<LabelSuspicion.Neighbour>> nearest(
      List<Entry> queries, List<Entry> labelled) {
    Map<Entry, List<LabelSuspicion.Neighbour>> out =
        java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    List<float[]> vectors = labelled.stream().map(e -> e.vector).toList();
    List<String> labels = labelled.stream().map(e -> e.label).toList();
    Map<Entry, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < labelled.size(); i++) {
      index.put(labelled.get(i), i);
    }
    queries.parallelStream()
        .forEach(
            q ->
                out.put(
                    q,
                    LabelSuspicion.nearest(
                        q.vector, vectors, labels, NEIGHBOURS, index.getOrDefault(q, -1))));
    return out;
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
            double best = Vectors.dot(q, d.description());
            for (float[] e : d.exemplars()) {
              best = Math.max(best, Vectors.dot(q, e));
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
            vote = new Consensus.Vote("CORRECT_DOMAIN", RouteLabels.toCorrection(domain));
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

  /** A student trained on the training threads, as a flywheel cycle trains it. */
  private CompletableFuture<StudentRecipe.Trained> training(
      String architecture,
      String version,
      List<Curation.Example> fit,
      List<Curation.Example> validation,
      List<String> labels,
      Function<String, float[]> embed,
      double outOfScopeShare) {
    return CompletableFuture.supplyAsync(
        () -> {
          log.accept("training " + version + " on " + fit.size() + " examples");
          return StudentRecipe.train(
              architecture,
              version,
              fit,
              validation,
              labels,
              null,
              StudentRecipe.PATIENCE,
              outOfScopeShare,
              embed,
              progress -> {});
        },
        training);
  }

  private static ExecutorService trainingThreads() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread thread = new Thread(r, "experiment-training");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ModelRow row(
      String name,
      long trainedOn,
      RoutingMetrics.Report report,
      Latency latency,
      long parameters,
      long bytes,
      boolean encoder,
      CostModel prices,
      double teacherCost,
      Latency teacher,
      Latency askPath) {
    double cost = prices.cpuPerThousand(latency.p50);
    return new ModelRow(
        name,
        trainedOn,
        report.accuracy(),
        report.macroF1(),
        oosRecall(report),
        latency.p50,
        latency.p95,
        parameters,
        bytes,
        encoder,
        cost,
        teacherCost == 0 ? 1 : cost / teacherCost,
        latency.p50 == 0 ? 0 : teacher.p50 / latency.p50,
        askPath.p95);
  }

  /**
   * The teacher's decline threshold: calibrated from its exemplars (null) where the data has
   * out-of-scope questions, none where every question has a label, as the students learn from the
   * validation split.
   */
  static Double declineBelow(ExperimentData data) {
    return data.hasOutOfScope() ? null : Double.NEGATIVE_INFINITY;
  }

  /** Out-of-scope recall on the test split; NaN (not measured) where it has no such question. */
  private static double oosRecall(RoutingMetrics.Report report) {
    return report.perLabel().get(RouteLabels.OOS).support() == 0 ? Double.NaN : report.oosRecall();
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
    return latency(router::route, test, sample);
  }

  /**
   * The router's own cost on the ask path, which embeds every question once for retrieval: routed
   * with the question's (cached) vector, as the promotion gate times it.
   */
  private Latency askPathLatency(Router router, List<ExperimentData.Row> test, int sample) {
    return latency(q -> router.route(q, vector(q)), test, sample);
  }

  private static Latency latency(
      Function<String, RouteDecision> route, List<ExperimentData.Row> test, int sample) {
    List<String> questions =
        test.stream().map(ExperimentData.Row::text).limit(Math.max(1, sample)).toList();
    for (int i = 0; i < Math.min(200, questions.size()); i++) {
      route.apply(questions.get(i));
    }
    List<Double> micros = new ArrayList<>();
    for (String q : questions) {
      long t = System.nanoTime();
      route.apply(q);
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

  /** An example the flywheel starts from, labelled and reviewed by whoever set the domain up. */
  private Entry given(String text, String label, String provenance) {
    Entry e = new Entry(text, label, vector(text));
    e.routed = label;
    e.label = label;
    e.provenance = provenance;
    e.reviewed = true;
    return e;
  }

  /**
   * Each domain's description (its name and its intents' names) as an example of it, as the
   * server's datasets hold each domain's name and description (provenance DESCRIPTION).
   */
  private List<Curation.Example> descriptions(ExperimentData data) {
    return data.domains().stream().map(d -> example(data.descriptions().get(d), d)).toList();
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

  /** The candidate of one architecture that a training run produced. */
  private static StudentRecipe.Trained trained(
      TrainingPipeline.Outcome outcome, String architecture) {
    return outcome.candidates().stream()
        .map(TrainingPipeline.Candidate::trained)
        .filter(t -> t.architecture().equals(architecture))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + architecture + " candidate"));
  }
}
