package io.infodesk.experiment.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The experiment's table, funnel, judge quality and timings, as Markdown, JSON and plain text. */
public record ExperimentReport(
    String dataset,
    FlywheelExperiment.Settings settings,
    int trainRows,
    int validationRows,
    int testRows,
    String splits,
    List<ModelRow> models,
    Funnel funnel,
    JudgeQuality judge,
    Map<String, Double> seconds,
    String recipe,
    List<CycleRow> cycles) {

  /**
   * One turn of the flywheel: which router served the cycle's batch, which is live after it, the
   * live router on the test split, the judge on this batch, and the ground truth so far.
   */
  public record CycleRow(
      int cycle,
      int questions,
      String servedBy,
      String liveAfter,
      String gate,
      double accuracy,
      double oosRecall,
      double judgePrecision,
      double judgeRecall,
      int reviews,
      double reviewShare,
      int settledByReviews,
      int suspectedAndSetAside,
      int groundTruth,
      double wrongLabels) {}

  /** One model scored on the test split. */
  public record ModelRow(
      String name,
      long trainedOn,
      double accuracy,
      double macroF1,
      double oosRecall,
      double p50Micros,
      double p95Micros,
      long parameters,
      long bytes,
      boolean needsEncoder,
      double costPer1000Routes,
      double relativeCost,
      double speedUp,
      double askPathP95Micros) {}

  /** From traffic to ground truth, and how clean the ground truth is. */
  public record Funnel(
      int traffic,
      int feedback,
      int satisfied,
      int unsatisfied,
      int judged,
      int flagged,
      int smeConfirmedMisroutes,
      int groundTruth,
      int teacherMisroutes,
      Map<String, Integer> provenance,
      Map<String, Integer> wrongByProvenance,
      double labelNoise) {}

  /**
   * The judge at flagging misroutes: precision among the flagged, recall among the misroutes it
   * judged, and recall among all the teacher's misroutes in the traffic.
   */
  public record JudgeQuality(
      double precision,
      double recall,
      double recallOfAllMisroutes,
      double labelNoiseWithPerfectJudge,
      double labelNoiseWithPerfectJudgeAndRatings) {}

  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Dataset `%s`: %d train, %d validation, %d test rows (splits %s). K=%d; ratings:"
                + " %.0f%% of right routes down, %.0f%% of wrong ones up; SME error %.0f%%;"
                + " judge sample of satisfied %.0f%%; seed %d; decline thresholds tuned, and the"
                + " best passing candidate chosen, for traffic %.0f%% out of scope; a candidate"
                + " may be %.1f points under a live student on such traffic, or as far as the"
                + " validation split cannot tell from noise.%n%n",
            dataset,
            trainRows,
            validationRows,
            testRows,
            splits,
            settings.k(),
            100 * settings.downWhenRight(),
            100 * settings.upWhenWrong(),
            100 * settings.smeError(),
            100 * settings.judgeSample(),
            settings.seed(),
            100 * settings.outOfScopeShare(),
            100 * settings.maxAccuracyDrop()));
    b.append(
        "| model | trained on | accuracy | macro-F1 | out-of-scope recall | p50 µs | p95 µs |"
            + " p95 µs on the ask path | speed-up vs teacher | parameters | bytes | encoder |"
            + " cost / 1,000 routes | relative cost |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (ModelRow m : models) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f%% | %.3f | %s | %.1f | %.1f | %.1f | %.0f× | %,d | %,d | %s |"
                  + " $%.2e |"
                  + " %.4f |%n",
              m.name(),
              m.trainedOn(),
              100 * m.accuracy(),
              m.macroF1(),
              percent(m.oosRecall()),
              m.p50Micros(),
              m.p95Micros(),
              m.askPathP95Micros(),
              m.speedUp(),
              m.parameters(),
              m.bytes(),
              m.needsEncoder() ? "MiniLM" : "none",
              m.costPer1000Routes(),
              m.relativeCost()));
    }
    b.append(
        "\nLatency is warm and in-process. p50 and p95: from the question's text, MiniLM included"
            + " where the model reads it. On the ask path: given the question's MiniLM vector,"
            + " which the ask path computes for retrieval anyway; the promotion gate's latency"
            + " budget bounds this one. The diagnosis row is the n-gram trained on the flywheel's"
            + " own questions with their gold labels: from the flywheel's student to it is what"
            + " its wrong labels cost, and from it to the n-gram's ceiling what the questions it"
            + " has no label for cost (mostly rated down and neither reviewed nor relabelled)."
            + " Every student learns each label's description (its name, and its intents' names"
            + " where the data gives them) as one more example of it, as the server's students"
            + " learn each domain's name and description; the teacher reads it too.\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%nCycles (%d): each batch is routed by the router live after the previous cycle;"
                + " SME budget %.0f%% of each batch's questions.%n%n",
            cycles.size(),
            100 * settings.reviewBudget()));
    b.append(
        "| cycle | questions | served by | live after | gate | accuracy | out-of-scope recall |"
            + " judge precision | judge recall | SME reviews so far | share of questions |"
            + " settled by them | set aside as suspect | ground truth | wrong labels |\n");
    b.append("|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CycleRow c : cycles) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %s | %s | %s | %.1f%% | %s | %.1f%% | %.1f%% | %,d | %.2f%% | %,d |"
                  + " %,d | %,d | %.1f%% |%n",
              c.cycle(),
              c.questions(),
              c.servedBy(),
              c.liveAfter(),
              c.gate(),
              100 * c.accuracy(),
              percent(c.oosRecall()),
              100 * c.judgePrecision(),
              100 * c.judgeRecall(),
              c.reviews(),
              100 * c.reviewShare(),
              c.settledByReviews(),
              c.suspectedAndSetAside(),
              c.groundTruth(),
              100 * c.wrongLabels()));
    }
    Funnel f = funnel;
    b.append(
        String.format(
            Locale.ROOT,
            "%nFunnel, all cycles: %,d routed questions → %,d rated → %,d unsatisfied → %,d judged →"
                + " %,d flagged misroutes → %,d corrected by SMEs → %,d ground truth (the live"
                + " routers actually misrouted %,d). Ground truth by provenance: %s; %.1f%% of its labels are"
                + " wrong; wrong labels by provenance, before curation: %s.%n%n",
            f.traffic(),
            f.feedback(),
            f.unsatisfied(),
            f.judged(),
            f.flagged(),
            f.smeConfirmedMisroutes(),
            f.groundTruth(),
            f.teacherMisroutes(),
            f.provenance(),
            100 * f.labelNoise(),
            f.wrongByProvenance()));
    b.append(
        String.format(
            Locale.ROOT,
            "Judge at flagging misroutes, all cycles: precision %.1f%%, recall %.1f%% of the"
                + " misroutes it judged, %.1f%% of all the live routers' misroutes. Wrong labels in the ground"
                + " truth: %.1f%% as run, %.1f%% with a perfect judge, %.1f%% with a perfect judge"
                + " and truthful ratings.%n%n",
            100 * judge.precision(),
            100 * judge.recall(),
            100 * judge.recallOfAllMisroutes(),
            100 * funnel.labelNoise(),
            100 * judge.labelNoiseWithPerfectJudge(),
            100 * judge.labelNoiseWithPerfectJudgeAndRatings()));
    b.append("Seconds per step:");
    seconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.1f;", k, v)));
    b.setLength(b.length() - 1);
    return b.append(".\n").toString();
  }

  /** A share as a percentage, or a dash where it was not measured (NaN). */
  private static String percent(double share) {
    return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** A share, or JSON's null where it was not measured (NaN). */
  private static JsonValue measured(double share) {
    return Double.isNaN(share) ? JsonValue.NULL : Json.createValue(share);
  }

  private JsonArrayBuilder cycleArray() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (CycleRow c : cycles) {
      array.add(
          Json.createObjectBuilder()
              .add("cycle", c.cycle())
              .add("questions", c.questions())
              .add("servedBy", c.servedBy())
              .add("liveAfter", c.liveAfter())
              .add("gate", c.gate())
              .add("accuracy", c.accuracy())
              .add("oosRecall", measured(c.oosRecall()))
              .add("judgePrecision", c.judgePrecision())
              .add("judgeRecall", c.judgeRecall())
              .add("reviews", c.reviews())
              .add("reviewShare", c.reviewShare())
              .add("settledByReviews", c.settledByReviews())
              .add("suspectedAndSetAside", c.suspectedAndSetAside())
              .add("groundTruth", c.groundTruth())
              .add("wrongLabels", c.wrongLabels()));
    }
    return array;
  }

  public String toJson() {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (ModelRow m : models) {
      rows.add(
          Json.createObjectBuilder()
              .add("name", m.name())
              .add("trainedOn", m.trainedOn())
              .add("accuracy", m.accuracy())
              .add("macroF1", m.macroF1())
              .add("oosRecall", measured(m.oosRecall()))
              .add("p50Micros", m.p50Micros())
              .add("p95Micros", m.p95Micros())
              .add("askPathP95Micros", m.askPathP95Micros())
              .add("speedUp", m.speedUp())
              .add("parameters", m.parameters())
              .add("bytes", m.bytes())
              .add("needsEncoder", m.needsEncoder())
              .add("costPer1000Routes", m.costPer1000Routes())
              .add("relativeCost", m.relativeCost()));
    }
    JsonObjectBuilder provenance = Json.createObjectBuilder();
    funnel.provenance().forEach(provenance::add);
    JsonObjectBuilder timing = Json.createObjectBuilder();
    seconds.forEach(timing::add);
    var json =
        Json.createObjectBuilder()
            .add("dataset", dataset)
            .add(
                "settings",
                Json.createObjectBuilder()
                    .add("k", settings.k())
                    .add("downWhenRight", settings.downWhenRight())
                    .add("upWhenWrong", settings.upWhenWrong())
                    .add("smeError", settings.smeError())
                    .add("judgeSample", settings.judgeSample())
                    .add("cycles", settings.cycles())
                    .add("reviewBudget", settings.reviewBudget())
                    .add("outOfScopeShare", settings.outOfScopeShare())
                    .add("maxAccuracyDrop", settings.maxAccuracyDrop())
                    .add("seed", settings.seed()))
            .add(
                "rows",
                Json.createObjectBuilder()
                    .add("train", trainRows)
                    .add("validation", validationRows)
                    .add("test", testRows)
                    .add("splits", splits))
            .add("models", rows)
            .add(
                "funnel",
                Json.createObjectBuilder()
                    .add("traffic", funnel.traffic())
                    .add("feedback", funnel.feedback())
                    .add("satisfied", funnel.satisfied())
                    .add("unsatisfied", funnel.unsatisfied())
                    .add("judged", funnel.judged())
                    .add("flagged", funnel.flagged())
                    .add("smeConfirmedMisroutes", funnel.smeConfirmedMisroutes())
                    .add("groundTruth", funnel.groundTruth())
                    .add("teacherMisroutes", funnel.teacherMisroutes())
                    .add("provenance", provenance)
                    .add("labelNoise", funnel.labelNoise()))
            .add(
                "judge",
                Json.createObjectBuilder()
                    .add("precision", judge.precision())
                    .add("recall", judge.recall())
                    .add("recallOfAllMisroutes", judge.recallOfAllMisroutes())
                    .add("labelNoiseWithPerfectJudge", judge.labelNoiseWithPerfectJudge())
                    .add(
                        "labelNoiseWithPerfectJudgeAndRatings",
                        judge.labelNoiseWithPerfectJudgeAndRatings()))
            .add("cycles", cycleArray())
            .add("seconds", timing)
            .build();
    StringWriter out = new StringWriter();
    try (var writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(json);
    }
    return out.toString().strip() + "\n";
  }
}
