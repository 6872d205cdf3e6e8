package io.infodesk.flywheel.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.curation.model.Curation;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.model.Router;
import io.infodesk.training.model.StudentRecipe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared curate → train → evaluate → gate pipeline on the project's router fixture, with a
 * teacher that routes everything to one domain (so a trained student must beat it).
 */
class TrainingPipelineTest {

  static final List<String> LABELS = List.of("finance", "hr", "it", "oos", "product");

  /** Routes every question to HR. */
  static final Router ALWAYS_HR =
      new Router() {
        @Override
        public RouteDecision route(String question) {
          return new RouteDecision("hr", 1.0, version(), 1, null, Map.of("hr", 1.0));
        }

        @Override
        public String version() {
          return "always-hr";
        }
      };

  static List<Curation.Example> fixture() throws Exception {
    List<Curation.Example> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                TrainingPipelineTest.class.getResourceAsStream("/fixtures/router-fixture.jsonl"),
                StandardCharsets.UTF_8))) {
      int i = 0;
      for (String line; (line = r.readLine()) != null; i++) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        // one-hot vectors: distinct texts are never near-duplicates
        float[] v = new float[400];
        v[i] = 1;
        rows.add(new Curation.Example(o.getString("text"), o.getString("label"), v));
      }
    }
    return rows;
  }

  static TrainingPipeline.Inputs inputs(
      List<Curation.Example> labelled,
      List<Curation.Example> validation,
      List<Curation.Example> gate,
      PromotionGate.Bounds bounds) {
    return new TrainingPipeline.Inputs(
        labelled,
        validation,
        gate,
        LABELS,
        List.of(StudentRecipe.NGRAM),
        "t1",
        null,
        StudentRecipe.PATIENCE,
        bounds);
  }

  @Test
  void curatesTrainsEvaluatesAndGates() throws Exception {
    List<Curation.Example> rows = fixture();
    List<Curation.Example> train = new ArrayList<>(rows.subList(0, 120));
    List<Curation.Example> gate = rows.subList(120, rows.size());
    // a case-and-space variant of an example is a duplicate: curation keeps it once
    Curation.Example first = train.get(0);
    train.add(new Curation.Example("  " + first.text().toUpperCase() + " ", "hr", first.vector()));

    TrainingPipeline.Outcome outcome =
        TrainingPipeline.run(
            inputs(train, null, gate, PromotionGate.Bounds.defaults()),
            ALWAYS_HR,
            ALWAYS_HR,
            text -> new float[384],
            progress -> {});

    assertThat(outcome.groundTruth()).hasSize(120);
    assertThat(outcome.validation()).as("15% held out for validation").hasSizeBetween(14, 24);
    assertThat(outcome.teacher().predicted()).hasSize(gate.size()).containsOnly("hr");
    assertThat(outcome.incumbent()).isSameAs(outcome.teacher());
    assertThat(outcome.candidates()).hasSize(1);
    TrainingPipeline.Candidate c = outcome.candidates().get(0);
    assertThat(c.trained().router().version()).isEqualTo("ngram-t1");
    assertThat(c.scored().micros()).hasSize(gate.size()).allMatch(m -> m >= 0);
    assertThat(c.scored().report().accuracy())
        .as("the student beats a teacher that always says HR")
        .isGreaterThan(outcome.teacher().report().accuracy() + 0.2);
    assertThat(c.decision().pass()).as(c.decision().reasons().toString()).isTrue();
    assertThat(outcome.best()).contains(c);
  }

  @Test
  void theGateRefusesACandidateBelowTheIncumbent() throws Exception {
    List<Curation.Example> rows = fixture();
    // a perfect incumbent: the student cannot come within 1 point of it
    Router perfect =
        new Router() {
          @Override
          public RouteDecision route(String question) {
            String label =
                rows.stream()
                    .filter(r -> r.text().equals(question))
                    .findFirst()
                    .orElseThrow()
                    .label();
            return new RouteDecision(
                label.equals("oos") ? null : label, 1.0, version(), 1, null, Map.of());
          }

          @Override
          public String version() {
            return "oracle";
          }
        };
    TrainingPipeline.Outcome outcome =
        TrainingPipeline.run(
            inputs(
                rows.subList(0, 40),
                rows.subList(40, 60),
                rows.subList(60, rows.size()),
                new PromotionGate.Bounds(0.02, 1, 1_000_000, 0.01)),
            ALWAYS_HR,
            perfect,
            text -> new float[384],
            progress -> {});
    assertThat(outcome.validation()).hasSize(20);
    assertThat(outcome.incumbent().report().accuracy()).isEqualTo(1.0);
    TrainingPipeline.Candidate c = outcome.candidates().get(0);
    assertThat(c.decision().pass()).isFalse();
    assertThat(c.decision().reasons()).anyMatch(r -> r.contains("incumbent"));
    assertThat(outcome.best()).isEmpty();
  }

  @Test
  void tooLittleDataIsRefusedBeforeTraining() throws Exception {
    List<Curation.Example> rows = fixture();
    assertThatThrownBy(
            () ->
                TrainingPipeline.run(
                    inputs(rows.subList(0, 5), null, rows.subList(5, 50), null),
                    ALWAYS_HR,
                    ALWAYS_HR,
                    text -> new float[384],
                    progress -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not enough labelled data");
  }
}
