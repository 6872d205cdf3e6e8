package io.infodesk.flywheel.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.model.Curation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The teacher's routes of a cycle's frozen set, handed from the judge step to the train step. */
class TeacherRoutesTest {

  static final List<String> DOMAINS = List.of("finance", "hr", "it", "product");

  static Curation.Example example(String text, String label) {
    return new Curation.Example(text, label, new float[] {1});
  }

  final List<Curation.Example> frozen =
      List.of(
          example("my laptop is broken", "it"),
          example("when is payday", "finance"),
          example("how many leave days", "hr"));

  TrainingPipeline.Scored judged() {
    return TrainingPipeline.evaluate(TrainingPipelineTest.ALWAYS_HR, frozen, DOMAINS);
  }

  @Test
  void theTrainStepOfTheSameCycleGetsTheRoutesScoredOnItsOwnLabelsAndOrder() {
    TeacherRoutes routes = new TeacherRoutes();
    TrainingPipeline.Scored judged = judged();
    routes.remember(7, frozen, judged);
    assertThat(judged.report().accuracy())
        .isEqualTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));

    // the train step's frozen set: another order, and an SME corrected one label since
    List<Curation.Example> train =
        List.of(frozen.get(2), example("my laptop is broken", "hr"), frozen.get(1));
    TrainingPipeline.Scored again = routes.recall(7, "always-hr", train, DOMAINS).orElseThrow();
    assertThat(again.version()).isEqualTo("always-hr");
    assertThat(again.predicted()).containsExactly("hr", "hr", "hr");
    assertThat(again.micros())
        .containsExactly(judged.micros().get(2), judged.micros().get(0), judged.micros().get(1));
    assertThat(again.report().accuracy())
        .as("scored on the train step's labels")
        .isEqualTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anotherCycleAnotherTeacherOrAQuestionNotRoutedIsScoredAgain() {
    TeacherRoutes routes = new TeacherRoutes();
    assertThat(routes.recall(7, "always-hr", frozen, DOMAINS)).as("nothing remembered").isEmpty();
    routes.remember(7, frozen, judged());
    assertThat(routes.recall(8, "always-hr", frozen, DOMAINS)).as("another cycle").isEmpty();
    assertThat(routes.recall(7, "llm-x", frozen, DOMAINS)).as("another teacher").isEmpty();
    List<Curation.Example> extended =
        List.of(frozen.get(0), frozen.get(1), frozen.get(2), example("reset my vpn", "it"));
    assertThat(routes.recall(7, "always-hr", extended, DOMAINS))
        .as("the frozen set was extended in between")
        .isEmpty();
    assertThat(routes.recall(7, "always-hr", frozen, DOMAINS)).isPresent();
  }
}
