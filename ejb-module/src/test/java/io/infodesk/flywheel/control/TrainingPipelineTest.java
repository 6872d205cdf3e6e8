package io.infodesk.flywheel.control;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.curation.model.Curation;
import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.model.LlmRouter;
import io.infodesk.routing.model.Router;
import io.infodesk.support.ChatServer;
import io.infodesk.training.model.StudentRecipe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared curate → train → evaluate → gate pipeline on the project's router fixture, with a
 * teacher that routes everything to one domain (so a trained student must beat it).
 */
class TrainingPipelineTest {

  static final List<String> LABELS = List.of("finance", "hr", "it", "oos", "product");

  @RegisterExtension static final ChatServer llm = new ChatServer();

  /**
   * The default accuracy and F1 bounds with a latency budget of a second: a test never asserts a
   * timing (a cold first route on a busy machine once took the n-gram student past the default 1 ms
   * p95).
   */
  static final PromotionGate.Bounds UNTIMED =
      new PromotionGate.Bounds(
          PromotionGate.Bounds.defaults().accuracyTolerance(),
          PromotionGate.Bounds.defaults().maxDomainF1Drop(),
          1_000_000);

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

  /** The fixture's first 120 rows to train on for three epochs, the next 40 to gate on. */
  static TrainingPipeline.Inputs threeEpochs(
      List<Curation.Example> rows, List<String> architectures) {
    return new TrainingPipeline.Inputs(
        rows.subList(0, 120),
        null,
        rows.subList(120, 160),
        LABELS,
        architectures,
        "t1",
        3,
        StudentRecipe.PATIENCE,
        UNTIMED,
        null,
        io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE);
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
        bounds,
        null,
        io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE);
  }

  /** Routes like {@link #ALWAYS_HR} and counts the questions it was asked. */
  static Router counting(AtomicInteger asked) {
    return new Router() {
      @Override
      public RouteDecision route(String question) {
        asked.incrementAndGet();
        return ALWAYS_HR.route(question);
      }

      @Override
      public String version() {
        return ALWAYS_HR.version();
      }
    };
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
            inputs(train, null, gate, UNTIMED),
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
    Router perfect = oracle(rows, Router.Cost.EMBEDDING);
    TrainingPipeline.Outcome outcome =
        splitRun(rows, new PromotionGate.Bounds(0.02, 1, 1_000_000, 0.01), ALWAYS_HR, perfect);
    assertThat(outcome.validation()).hasSize(20);
    assertThat(outcome.incumbent().report().accuracy()).isEqualTo(1.0);
    TrainingPipeline.Candidate c = outcome.candidates().get(0);
    assertThat(c.decision().pass()).isFalse();
    assertThat(c.decision().reasons()).anyMatch(r -> r.contains("below the live router's"));
    assertThat(outcome.best()).isEmpty();
  }

  /** The pipeline fitted on the first 40 rows, validated on the next 20, gated on the rest. */
  static TrainingPipeline.Outcome splitRun(
      List<Curation.Example> rows, PromotionGate.Bounds bounds, Router teacher, Router incumbent) {
    return TrainingPipeline.run(
        inputs(rows.subList(0, 40), rows.subList(40, 60), rows.subList(60, rows.size()), bounds),
        teacher,
        incumbent,
        text -> new float[384],
        progress -> {});
  }

  /** Routes each of the rows to its label, at the given cost. */
  static Router oracle(List<Curation.Example> rows, Router.Cost cost) {
    return new Router() {
      @Override
      public RouteDecision route(String question) {
        String label =
            rows.stream().filter(r -> r.text().equals(question)).findFirst().orElseThrow().label();
        return new RouteDecision(
            label.equals("oos") ? null : label, 1.0, version(), 1, null, Map.of());
      }

      @Override
      public String version() {
        return "oracle";
      }

      @Override
      public Cost cost() {
        return cost;
      }
    };
  }

  @Test
  void aCandidateNoCheaperThanTheTeacherGetsNoTolerance() throws Exception {
    List<Curation.Example> rows = fixture();
    // a tolerance of the whole scale: a cheaper student passes however far below the teacher
    PromotionGate.Bounds lenient = new PromotionGate.Bounds(1, 1, 1_000_000);
    for (Router.Cost teacherCost : Router.Cost.values()) {
      Router teacher = oracle(rows, teacherCost);
      TrainingPipeline.Outcome outcome = splitRun(rows, lenient, teacher, teacher);
      TrainingPipeline.Candidate ngram = outcome.candidates().get(0);
      assertThat(ngram.scored().report().accuracy()).isLessThan(1.0);
      if (teacherCost == Router.Cost.TEXT) {
        assertThat(ngram.decision().pass()).isFalse();
        assertThat(ngram.decision().reasons())
            .containsExactly(
                String.format(
                    "accuracy %.3f is below the teacher's 1.000 minus 0.000, the tolerance for a"
                        + " candidate no cheaper than the teacher (it reads the question's text"
                        + " alone, as the teacher does)",
                    ngram.scored().report().accuracy()));
      } else {
        assertThat(ngram.decision().pass())
            .as(teacherCost + ": " + ngram.decision().reasons())
            .isTrue();
      }
    }
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

  @Test
  void aTeacherScoredEarlierInTheCycleIsNotAskedAgain() throws Exception {
    List<Curation.Example> rows = fixture();
    List<Curation.Example> gate = rows.subList(120, rows.size());
    AtomicInteger asked = new AtomicInteger();
    Router teacher = counting(asked);
    TrainingPipeline.Scored earlier =
        TrainingPipeline.evaluate(teacher, gate, TrainingPipeline.domains(LABELS));
    assertThat(asked.get())
        .as("a local router: a warm pass, the one timed from the text, the one on the ask path")
        .isEqualTo(3 * gate.size());
    asked.set(0);
    TrainingPipeline.Inputs in = inputs(rows.subList(0, 120), null, gate, null);
    TrainingPipeline.Outcome outcome =
        TrainingPipeline.run(
            new TrainingPipeline.Inputs(
                in.labelled(),
                in.validation(),
                in.gateSet(),
                in.labels(),
                in.architectures(),
                in.versionSuffix(),
                in.maxEpochs(),
                in.patience(),
                UNTIMED,
                earlier,
                in.outOfScopeShare()),
            teacher,
            teacher,
            text -> new float[384],
            progress -> {});
    assertThat(asked.get()).as("the teacher's routes of the gate set are not asked again").isZero();
    assertThat(outcome.teacher()).isSameAs(earlier);
    assertThat(outcome.incumbent()).isSameAs(earlier);
    assertThat(outcome.candidates().get(0).decision().pass())
        .as(outcome.candidates().get(0).decision().reasons().toString())
        .isTrue();

    TrainingPipeline.Scored other =
        TrainingPipeline.evaluate(
            teacher, rows.subList(100, 110), TrainingPipeline.domains(LABELS));
    assertThatThrownBy(
            () ->
                TrainingPipeline.run(
                    new TrainingPipeline.Inputs(
                        in.labelled(),
                        null,
                        gate,
                        LABELS,
                        in.architectures(),
                        "t2",
                        null,
                        StudentRecipe.PATIENCE,
                        null,
                        other,
                        io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE),
                    teacher,
                    teacher,
                    text -> new float[384],
                    progress -> {}))
        .as("a score of other questions is refused, not used")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRemoteTeacherIsAskedOncePerQuestionWithoutAWarmPass() throws Exception {
    llm.reply("{\"domain\": \"it\", \"confidence\": 0.9}");
    ChatCompletions client =
        new ChatCompletions(llm.baseUrl() + "/v1", "test-model", "k3y", Duration.ofSeconds(5));
    LlmRouter teacher =
        new LlmRouter(
            List.of(
                new LlmRouter.DomainCard("hr", "HR", "leave"),
                new LlmRouter.DomainCard("it", "IT", "laptops")),
            (system, user) -> client.complete(system, user, true, 50),
            ALWAYS_HR,
            client.model());
    List<Curation.Example> gate = fixture().subList(0, 12);
    TrainingPipeline.Scored s =
        TrainingPipeline.evaluate(teacher, gate, TrainingPipeline.domains(LABELS));
    assertThat(s.predicted()).hasSize(12).containsOnly("it");
    assertThat(s.micros()).hasSize(12);
    llm.verify(12, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void candidatesTrainedAtOnceAreTheCandidatesTrainedOneAfterTheOther() throws Exception {
    List<Curation.Example> rows = fixture();
    TrainingPipeline.Inputs in =
        threeEpochs(rows, List.of(StudentRecipe.NGRAM, StudentRecipe.MINILM_MLP));
    TrainingPipeline.Outcome alone =
        TrainingPipeline.run(in, ALWAYS_HR, ALWAYS_HR, text -> new float[400], progress -> {});

    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      TrainingPipeline.Outcome together =
          TrainingPipeline.run(
              in, ALWAYS_HR, ALWAYS_HR, text -> new float[400], progress -> {}, two);
      assertThat(together.candidates()).hasSameSizeAs(alone.candidates());
      for (int i = 0; i < alone.candidates().size(); i++) {
        TrainingPipeline.Scored was = alone.candidates().get(i).scored();
        TrainingPipeline.Scored is = together.candidates().get(i).scored();
        assertThat(is.version()).as("in the order of the architectures").isEqualTo(was.version());
        assertThat(is.predicted()).isEqualTo(was.predicted());
      }

      // what a training throws reaches the caller as itself, as without the executor
      TrainingPipeline.Inputs unknown = threeEpochs(rows, List.of("no-such-architecture"));
      assertThatThrownBy(
              () ->
                  TrainingPipeline.run(
                      unknown, ALWAYS_HR, ALWAYS_HR, text -> new float[400], progress -> {}, two))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void aMiniLmStudentIsTimedAlsoOnTheQuestionsVectorAsTheAskPathRoutesIt() throws Exception {
    List<Curation.Example> rows = fixture();
    AtomicInteger embedded = new AtomicInteger();
    // the ask path embeds every question once, for retrieval, and routes on that vector: the MLP
    // student's cost there is its head alone, and the gate's latency budget is about that cost
    TrainingPipeline.Outcome outcome =
        TrainingPipeline.run(
            threeEpochs(rows, List.of(StudentRecipe.MINILM_MLP)),
            ALWAYS_HR,
            ALWAYS_HR,
            text -> {
              embedded.incrementAndGet();
              return new float[400];
            },
            progress -> {});
    TrainingPipeline.Scored scored = outcome.candidates().get(0).scored();
    assertThat(scored.micros()).hasSize(40);
    assertThat(scored.askPathMicros()).hasSize(40);
    assertThat(embedded.get())
        .as("a warm pass and a timed one from the text; none on the ask path")
        .isEqualTo(2 * 40);
  }

  @Test
  void theBestCandidateRoutesAndDeclinesBestNotTheMostAccurateOnFewOutOfScopeQuestions() {
    // ten in scope, one out of scope: declining it at the cost of two in-scope questions is the
    // better router where a fifth of the traffic is out of scope (0.84 against 0.8)
    List<String> gold = List.of("hr", "hr", "hr", "hr", "hr", "it", "it", "it", "it", "it", "oos");
    TrainingPipeline.Candidate neverDeclines =
        candidate(gold, List.of("hr", "hr", "hr", "hr", "hr", "it", "it", "it", "it", "it", "hr"));
    TrainingPipeline.Candidate declines =
        candidate(
            gold, List.of("hr", "hr", "hr", "hr", "oos", "it", "it", "it", "it", "hr", "oos"));
    assertThat(neverDeclines.scored().report().accuracy())
        .isGreaterThan(declines.scored().report().accuracy());
    TrainingPipeline.Outcome outcome =
        new TrainingPipeline.Outcome(
            List.of(),
            List.of(),
            null,
            null,
            List.of(neverDeclines, declines),
            io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE);
    assertThat(outcome.best()).containsSame(declines);
    // an admin whose employees rarely ask off-topic sets a smaller share: 0.95 against 0.81
    TrainingPipeline.Outcome rarelyOffTopic =
        new TrainingPipeline.Outcome(
            List.of(), List.of(), null, null, List.of(neverDeclines, declines), 0.05);
    assertThat(rarelyOffTopic.best()).containsSame(neverDeclines);
  }

  static TrainingPipeline.Candidate candidate(List<String> gold, List<String> predicted) {
    return new TrainingPipeline.Candidate(
        null,
        new TrainingPipeline.Scored(
            "v",
            predicted,
            List.of(1.0),
            List.of(1.0),
            io.infodesk.evaluation.model.RoutingMetrics.score(
                List.of("hr", "it"), gold, predicted)),
        new PromotionGate.Decision(true, List.of()));
  }
}
