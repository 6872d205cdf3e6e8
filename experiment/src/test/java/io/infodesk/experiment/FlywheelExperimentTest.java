package io.infodesk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.experiment.boundary.ExperimentCommand;
import io.infodesk.experiment.control.ExperimentData;
import io.infodesk.experiment.control.ExperimentReport;
import io.infodesk.experiment.control.ExperimentReport.ModelRow;
import io.infodesk.experiment.control.FlywheelExperiment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment command end to end (MiniLM, DJL training, evaluation) on a small labelled fixture
 * the project owns: three separable domains and out-of-scope questions. Checks the table's
 * structure and sanity, not figures.
 */
class FlywheelExperimentTest {

  static final Path FIXTURE = Path.of("src/test/resources/experiment/routing-fixture.jsonl");

  @TempDir Path out;

  @Test
  void theFixtureGivesAConsistentTableFunnelAndFiles() throws Exception {
    FlywheelExperiment.Settings d = FlywheelExperiment.Settings.defaults();
    FlywheelExperiment.Settings threeCycles = d.withCycles(3, 0.10);
    ExperimentReport report = ExperimentCommand.run(FIXTURE, "none", threeCycles, out);
    checkSanity(report);
    assertThat(report.cycles()).as("one row per cycle").hasSize(3);
    assertThat(report.cycles().stream().mapToInt(ExperimentReport.CycleRow::questions).sum())
        .as("the cycles' batches are the whole train split")
        .isEqualTo(report.trainRows());
    assertThat(report.cycles().get(0).servedBy()).isEqualTo("teacher");
    for (int i = 1; i < 3; i++) {
      var before = report.cycles().get(i - 1);
      var now = report.cycles().get(i);
      assertThat(now.servedBy())
          .as("batch %d is served by the router live after cycle %d", i + 1, i)
          .isEqualTo(before.liveAfter());
      assertThat(now.reviews()).isGreaterThanOrEqualTo(before.reviews());
      assertThat(now.reviews() - before.reviews())
          .as("the SME budget of a cycle: 10%% of its questions")
          .isLessThanOrEqualTo((int) Math.floor(0.10 * now.questions() + 1e-9));
    }
    assertThat(Files.exists(out.resolve("learning-curve.png"))).isTrue();
    assertThat(Files.size(out.resolve("learning-curve.png"))).isGreaterThan(1000);
    Map<String, ModelRow> rows =
        report.models().stream().collect(Collectors.toMap(ModelRow::name, Function.identity()));
    assertThat(rows.get("student ngram (flywheel)").accuracy())
        .as("on separable data the flywheel's student beats the one trained on K exemplars")
        .isGreaterThan(rows.get("untuned ngram (K exemplars and descriptions)").accuracy());
    assertThat(report.trainRows()).isEqualTo(84);
    assertThat(report.testRows()).isEqualTo(40);

    for (var cycle : report.cycles()) {
      assertThat(cycle.gate())
          .as("both students are trained and gated every cycle; the better passing one goes live")
          .contains("ngram-c" + cycle.cycle(), "minilm-mlp-c" + cycle.cycle());
    }
    assertThat(Files.readString(out.resolve("experiment.md")))
        .contains(
            "p95 µs on the ask path",
            "| model |",
            "teacher zero-shot (K=5)",
            "| cycle |",
            "Funnel, all cycles:",
            "Judge at flagging");
    try (var reader =
        Json.createReader(new StringReader(Files.readString(out.resolve("experiment.json"))))) {
      JsonObject json = reader.readObject();
      assertThat(json.getJsonArray("models")).hasSize(report.models().size());
      assertThat(json.getJsonObject("funnel").getInt("traffic")).isEqualTo(84);
      assertThat(json.getJsonObject("judge").keySet()).contains("precision", "recall");
      assertThat(json.getJsonArray("cycles")).hasSize(3);
      assertThat(json.getJsonArray("cycles").getJsonObject(0).keySet())
          .contains(
              "liveAfter",
              "accuracy",
              "oosRecall",
              "judgePrecision",
              "judgeRecall",
              "reviews",
              "reviewShare",
              "groundTruth",
              "wrongLabels");
    }
  }

  /** What every run must satisfy, whatever the data. */
  static void checkSanity(ExperimentReport report) {
    assertThat(report.models())
        .extracting(ModelRow::name)
        .startsWith("teacher zero-shot (K=5)", "student ngram (flywheel)")
        .contains(
            "student minilm-mlp (flywheel)",
            "untuned ngram (K exemplars and descriptions)",
            "ceiling ngram (all gold train)",
            FlywheelExperiment.DIAGNOSIS);
    Map<String, Long> trainedOn = new java.util.HashMap<>();
    report.models().forEach(m -> trainedOn.put(m.name(), m.trainedOn()));
    assertThat(trainedOn.get(FlywheelExperiment.DIAGNOSIS))
        .as("the diagnosis is trained on the flywheel's own questions")
        .isEqualTo(trainedOn.get("student ngram (flywheel)"))
        .isEqualTo(report.funnel().groundTruth());
    for (ModelRow m : report.models()) {
      assertThat(m.accuracy()).as(m.name()).isBetween(0.0, 1.0);
      assertThat(m.macroF1()).as(m.name()).isBetween(0.0, 1.0);
      if (!Double.isNaN(m.oosRecall())) {
        assertThat(m.oosRecall()).as(m.name()).isBetween(0.0, 1.0);
      }
      assertThat(m.p95Micros()).as(m.name()).isGreaterThanOrEqualTo(m.p50Micros()).isPositive();
      assertThat(m.askPathP95Micros()).as(m.name()).isPositive();
      assertThat(m.parameters()).as(m.name()).isPositive();
      assertThat(m.costPer1000Routes()).as(m.name()).isPositive();
    }
    var f = report.funnel();
    assertThat(f.feedback()).isEqualTo(f.traffic()).isEqualTo(report.trainRows());
    assertThat(f.satisfied() + f.unsatisfied()).isEqualTo(f.feedback());
    assertThat(f.judged()).isBetween(f.unsatisfied(), f.feedback());
    assertThat(f.flagged()).isLessThanOrEqualTo(f.judged());
    assertThat(f.smeConfirmedMisroutes()).isLessThanOrEqualTo(f.flagged());
    assertThat(f.teacherMisroutes()).isLessThanOrEqualTo(f.traffic());
    assertThat(f.groundTruth())
        .isPositive()
        .isLessThanOrEqualTo(f.provenance().values().stream().mapToInt(Integer::intValue).sum());
    assertThat(f.labelNoise()).isBetween(0.0, 1.0);
    f.wrongByProvenance()
        .forEach(
            (provenance, wrong) ->
                assertThat(wrong)
                    .as(provenance)
                    .isPositive()
                    .isLessThanOrEqualTo(f.provenance().get(provenance)));
    assertThat(f.wrongByProvenance()).as("seeds are gold").doesNotContainKey("SEED");
    assertThat(report.judge().precision()).isBetween(0.0, 1.0);
    assertThat(report.judge().recall()).isBetween(0.0, 1.0);
    assertThat(report.judge().recallOfAllMisroutes())
        .isLessThanOrEqualTo(report.judge().recall() + 1e-9);
  }

  @Test
  void dataWithoutAnOutOfScopeClassStillTrainsAndScoresItsOwnLabels() throws Exception {
    // every question has a label: the teacher declines none, and out-of-scope recall is not
    // measured
    ExperimentReport report =
        ExperimentCommand.run(
            Path.of("src/test/resources/experiment/routing-fixture-no-oos.jsonl"),
            null,
            FlywheelExperiment.Settings.defaults(),
            out);
    for (ModelRow m : report.models()) {
      assertThat(m.accuracy()).as(m.name()).isBetween(0.0, 1.0);
      assertThat(m.oosRecall()).as(m.name() + ": no out-of-scope rows to recall").isNaN();
    }
    report.cycles().forEach(c -> assertThat(c.oosRecall()).isNaN());
    assertThat(report.testRows()).isEqualTo(30);
    // not measured is not 0%: the report leaves the cell empty, and the JSON says null
    String teacherRow =
        report
            .toMarkdown()
            .lines()
            .filter(l -> l.startsWith("| teacher zero-shot"))
            .findFirst()
            .orElseThrow();
    assertThat(teacherRow.split("\\|")[5].strip()).isEqualTo("—");
    try (var reader =
        Json.createReader(new StringReader(Files.readString(out.resolve("experiment.json"))))) {
      JsonObject json = reader.readObject();
      assertThat(json.getJsonArray("models").getJsonObject(0).isNull("oosRecall")).isTrue();
      assertThat(json.getJsonArray("cycles").getJsonObject(0).isNull("oosRecall")).isTrue();
    }
  }

  @Test
  void badInputIsRefusedWithItsReason() throws IOException {
    Path bad = out.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\":\"hi\",\"label\":\"a\",\"split\":\"train\"}\nnot json\n");
    assertThatThrownBy(() -> ExperimentData.read(bad, null)).hasMessageContaining("line 2");
    Files.writeString(bad, "{\"text\":\"hi\",\"label\":\"a\",\"split\":\"later\"}\n");
    assertThatThrownBy(() -> ExperimentData.read(bad, null)).hasMessageContaining("unknown split");
    // one training row: nothing to carve the missing validation and test splits from
    Files.writeString(bad, "{\"text\":\"hi\",\"label\":\"a\",\"split\":\"train\"}\n");
    assertThatThrownBy(() -> ExperimentData.read(bad, null))
        .hasMessageContaining("too few train rows");
    assertThatThrownBy(
            () -> new FlywheelExperiment.Settings(0, 0.1, 0.2, 0, 0.1, 1, 10, 3, 0.05, 0.2, 0.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FlywheelExperiment.Settings(5, 1.5, 0.2, 0, 0.1, 1, 10, 3, 0.05, 0.2, 0.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FlywheelExperiment.Settings(5, 0.1, 0.2, 0, 0.1, 1, 10, 3, 0.05, 1, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out-of-scope share");
  }
}
