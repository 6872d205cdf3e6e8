package io.infodesk.registry.control;

import static io.infodesk.routing.model.Router.Cost.EMBEDDING;
import static io.infodesk.routing.model.Router.Cost.REMOTE;
import static io.infodesk.routing.model.Router.Cost.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.registry.model.PromotionGate;
import io.infodesk.routing.model.ExpectedAccuracy;
import io.infodesk.routing.model.Router;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

  static final List<String> LABELS = List.of("hr", "it");

  /** The gate for traffic {@link ExpectedAccuracy#OUT_OF_SCOPE_SHARE} out of scope. */
  static PromotionGate.Decision decide(
      PromotionGate.Bounds bounds,
      RoutingMetrics.Report teacher,
      RoutingMetrics.Report incumbent,
      RoutingMetrics.Report candidate,
      double candidateP95Micros,
      Router.Cost teacherCost,
      Router.Cost candidateCost) {
    return PromotionGate.decide(
        bounds,
        teacher,
        incumbent,
        candidate,
        candidateP95Micros,
        teacherCost,
        candidateCost,
        ExpectedAccuracy.OUT_OF_SCOPE_SHARE);
  }

  static RoutingMetrics.Report report(List<String> gold, List<String> predicted) {
    return RoutingMetrics.score(LABELS, gold, predicted);
  }

  static final List<String> GOLD =
      List.of("hr", "hr", "hr", "hr", "it", "it", "it", "it", "oos", "oos");

  @Test
  void aCandidateAsGoodAsTheTeacherAndFastPasses() {
    var teacher =
        report(GOLD, List.of("hr", "hr", "hr", "it", "it", "it", "it", "it", "oos", "hr"));
    var candidate =
        report(GOLD, List.of("hr", "hr", "hr", "hr", "it", "it", "it", "hr", "oos", "oos"));
    var d =
        decide(PromotionGate.Bounds.defaults(), teacher, teacher, candidate, 40, EMBEDDING, TEXT);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
  }

  @Test
  void theDefaultsWithAnotherAccuracyDropKeepTheirOtherBounds() {
    PromotionGate.Bounds defaults = PromotionGate.Bounds.defaults();
    PromotionGate.Bounds off = defaults.withMaxAccuracyDrop(1);
    assertThat(off.maxAccuracyDrop()).isEqualTo(1);
    assertThat(off.withMaxAccuracyDrop(defaults.maxAccuracyDrop())).isEqualTo(defaults);
    assertThat(defaults.maxAccuracyDrop()).isEqualTo(0.01);
  }

  static List<String> times(int n, List<String> routes) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(routes);
    }
    return out;
  }

  @Test
  void eachBoundFailsWithItsReason() {
    // 100 examples of each domain: a drop of F1 from 1 to 0.67 is far beyond their noise
    List<String> gold = times(25, GOLD);
    var teacher = report(gold, gold);
    var incumbent = report(gold, gold);
    var worse =
        report(
            gold, times(25, List.of("hr", "hr", "hr", "hr", "hr", "hr", "it", "it", "oos", "oos")));
    var d =
        decide(PromotionGate.Bounds.defaults(), teacher, incumbent, worse, 5000, EMBEDDING, TEXT);
    assertThat(d.pass()).isFalse();
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("accuracy"));
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("F1 of it"));
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("p95 latency"));
  }

  @Test
  void aCandidateThatStopsDecliningIsRefusedHoweverAccurate() {
    // a frozen set with few out-of-scope questions (here 20 of 220): a candidate that routes them
    // all somewhere is the more accurate, yet it has lost half of a router's job. On CLINC150
    // (3% out of scope in validation) such an MLP student replaced the n-gram and the live
    // router fell from 85.1% to 81.7% on the test split (18% out of scope)
    List<String> gold = new java.util.ArrayList<>();
    List<String> incumbentRoutes = new java.util.ArrayList<>();
    List<String> candidateRoutes = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String label = i % 2 == 0 ? "hr" : "it";
      gold.add(label);
      incumbentRoutes.add(i < 30 ? "oos" : label);
      candidateRoutes.add(label);
    }
    for (int i = 0; i < 20; i++) {
      gold.add("oos");
      incumbentRoutes.add(i < 18 ? "oos" : "hr");
      candidateRoutes.add(i < 2 ? "oos" : "hr");
    }
    var incumbent = report(gold, incumbentRoutes);
    var candidate = report(gold, candidateRoutes);
    assertThat(candidate.accuracy()).isGreaterThan(incumbent.accuracy());
    var d =
        decide(
            PromotionGate.Bounds.defaults(), incumbent, incumbent, candidate, 1, EMBEDDING, TEXT);
    assertThat(d.pass()).isFalse();
    assertThat(d.reasons())
        .containsExactly(
            "out-of-scope recall drops from 0.900 to 0.100 (more than 0.050, and more than the"
                + " 0.231 its 20 examples cannot tell apart)");
  }

  @Test
  void aDropInOutOfScopeRecallBeyondTheBoundOnManyExamplesNamesOnlyTheBound() {
    // 400 out-of-scope examples: their noise is under the bound, which alone refuses
    List<String> gold = new java.util.ArrayList<>(times(200, List.of("hr", "it")));
    gold.addAll(times(400, List.of("oos")));
    List<String> incumbentRoutes = new java.util.ArrayList<>(gold);
    List<String> candidateRoutes = new java.util.ArrayList<>(times(200, List.of("hr", "it")));
    for (int i = 0; i < 400; i++) {
      candidateRoutes.add(i < 300 ? "oos" : "hr");
    }
    var d =
        decide(
            PromotionGate.Bounds.defaults(),
            report(gold, incumbentRoutes),
            report(gold, incumbentRoutes),
            report(gold, candidateRoutes),
            1,
            EMBEDDING,
            TEXT);
    assertThat(d.reasons())
        .contains("out-of-scope recall drops from 1.000 to 0.750 (more than 0.050)");
  }

  @Test
  void theToleranceIsInclusive() {
    var teacher = report(GOLD, GOLD);
    var oneMiss =
        report(GOLD, List.of("hr", "hr", "hr", "hr", "it", "it", "it", "it", "oos", "hr"));
    assertThat(
            decide(
                    new PromotionGate.Bounds(0.10, 1, 1000),
                    teacher,
                    null,
                    oneMiss,
                    1,
                    EMBEDDING,
                    TEXT)
                .pass())
        .isTrue();
    assertThat(
            decide(
                    new PromotionGate.Bounds(0.09, 1, 1000),
                    teacher,
                    null,
                    oneMiss,
                    1,
                    EMBEDDING,
                    TEXT)
                .pass())
        .isFalse();
  }

  @Test
  void theToleranceIsThePriceOfBeingCheaperThanTheTeacher() {
    // on StackFAQ the MLP student (MiniLM, as the zero-shot teacher) went live 0.4 points under
    // the teacher: the tolerance bought nothing there, as the student cost what the teacher does
    var teacher = report(GOLD, GOLD);
    var oneMiss =
        report(GOLD, List.of("hr", "hr", "hr", "hr", "it", "it", "it", "it", "oos", "hr"));
    var bounds = new PromotionGate.Bounds(0.10, 1, 1000);
    assertThat(decide(bounds, teacher, null, oneMiss, 1, EMBEDDING, TEXT).pass()).isTrue();
    assertThat(decide(bounds, teacher, null, oneMiss, 1, REMOTE, EMBEDDING).pass()).isTrue();
    var noCheaper = decide(bounds, teacher, null, oneMiss, 1, EMBEDDING, EMBEDDING);
    assertThat(noCheaper.pass()).isFalse();
    assertThat(noCheaper.reasons())
        .containsExactly(
            "accuracy 0.900 is below the teacher's 1.000 minus 0.000, the tolerance for a"
                + " candidate no cheaper than the teacher (it embeds the question with MiniLM, as"
                + " the teacher does)");
    var allowed = new PromotionGate.Bounds(0.10, 1, 1000, 1, 0.10);
    assertThat(decide(allowed, teacher, null, oneMiss, 1, EMBEDDING, EMBEDDING).pass())
        .as("an admin may give such a candidate a tolerance of its own")
        .isTrue();
    assertThat(decide(bounds, teacher, null, teacher, 1, EMBEDDING, EMBEDDING).pass())
        .as("as accurate as the teacher, and no dearer")
        .isTrue();
  }

  /** {@code perLabel} questions of each domain, the first {@code misses} hr ones routed to it. */
  static List<String> candidateMissing(int perLabel, int misses) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < perLabel; i++) {
      out.add(i < misses ? "it" : "hr");
    }
    for (int i = 0; i < perLabel; i++) {
      out.add("it");
    }
    return out;
  }

  static List<String> gold(int perLabel) {
    return candidateMissing(perLabel, 0);
  }

  /** The gate with a domain F1 bound of 0.05, the candidate against the incumbent. */
  static PromotionGate.Decision gate(
      double accuracyTolerance,
      RoutingMetrics.Report teacher,
      RoutingMetrics.Report incumbent,
      RoutingMetrics.Report candidate) {
    return decide(
        new PromotionGate.Bounds(accuracyTolerance, 0.05, 1000),
        teacher,
        incumbent,
        candidate,
        10,
        EMBEDDING,
        TEXT);
  }

  @Test
  void aDropWithinTheNoiseOfALabelsFewExamplesIsNotARegression() {
    // hr's F1 falls from 1 to 0.92 (3 of 20 missed): more than the bound of 0.05, but 20
    // examples cannot tell such a candidate from the incumbent (the noise is about 0.14)
    var incumbent = report(gold(20), gold(20));
    var candidate = report(gold(20), candidateMissing(20, 3));
    var d = gate(0.02, candidate, incumbent, candidate);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
  }

  @Test
  void theSameDropOnManyExamplesIsARegression() {
    var incumbent = report(gold(2000), gold(2000));
    var candidate = report(gold(2000), candidateMissing(2000, 300));
    var d = gate(0.02, candidate, incumbent, candidate);
    assertThat(d.pass()).isFalse();
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("F1 of hr drops from 1.000 to 0.919"));
  }

  @Test
  void aCollapsedLabelIsARegressionEvenOnFewExamples() {
    var incumbent = report(gold(20), gold(20));
    var candidate = report(gold(20), candidateMissing(20, 12));
    var d = gate(0.5, candidate, incumbent, candidate);
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("F1 of hr drops"));
  }

  @Test
  void oneHeldOutExampleCannotShowADomainsDrop() {
    // hr has a single held-out example: right before, wrong now. F1 falls from 1 to 0, and that
    // is all one example can say; overall accuracy still has the last word
    List<String> gold = new java.util.ArrayList<>(List.of("hr"));
    gold.addAll(java.util.Collections.nCopies(40, "it"));
    List<String> candidateRoutes = new java.util.ArrayList<>(List.of("it"));
    candidateRoutes.addAll(java.util.Collections.nCopies(40, "it"));
    var incumbent = report(gold, gold);
    var candidate = report(gold, candidateRoutes);
    var lenient = gate(0.05, incumbent, incumbent, candidate);
    assertThat(lenient.pass()).as(lenient.reasons().toString()).isTrue();
    var strict = gate(0.01, incumbent, incumbent, candidate);
    assertThat(strict.reasons()).singleElement().asString().startsWith("accuracy");
  }

  /**
   * 20 questions of each domain, the first {@code misses} of each routed to the other: F1 of each
   * domain and accuracy fall alike.
   */
  static List<String> bothMissing(int misses) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(i < misses ? "it" : "hr");
    }
    for (int i = 0; i < 20; i++) {
      out.add(i < misses ? "hr" : "it");
    }
    return out;
  }

  @Test
  void aCandidateClearlyWorseThanTheLiveStudentIsRefusedByDefault() {
    // the live student has all 40 held-out questions right, the candidate 34 (as the teacher
    // does): each domain's 20 examples cannot tell its F1 drop of 0.15 from noise, but the 40
    // together can tell the accuracy's. Until the server checked accuracy against the live router,
    // such a candidate went live and the flywheel turned backwards
    var incumbent = report(gold(20), gold(20));
    var candidate = report(gold(20), bothMissing(3));
    var d =
        decide(
            PromotionGate.Bounds.defaults(), candidate, incumbent, candidate, 1, EMBEDDING, TEXT);
    assertThat(d.pass()).isFalse();
    assertThat(d.reasons())
        .containsExactly(
            "accuracy 0.850 is below the live router's 1.000 by more than the bound of 0.010 and"
                + " the 0.105 its 40 examples cannot tell apart");
  }

  @Test
  void aSmallerDropThanTheHeldOutExamplesCanTellIsAllowed() {
    // 38 of 40 against 40 of 40: more than the bound of 1 point, within the noise of 40 examples
    var incumbent = report(gold(20), gold(20));
    var candidate = report(gold(20), bothMissing(1));
    var d =
        decide(
            PromotionGate.Bounds.defaults(), candidate, incumbent, candidate, 1, EMBEDDING, TEXT);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
  }

  @Test
  void onManyHeldOutExamplesTheBoundAloneRefuses() {
    // 4,000 examples: a drop of 2 points is beyond their noise (about 0.5 point) and the bound
    var incumbent = report(gold(2000), gold(2000));
    var candidate = report(gold(2000), candidateMissing(2000, 80));
    var d =
        decide(
            PromotionGate.Bounds.defaults(), candidate, incumbent, candidate, 1, EMBEDDING, TEXT);
    assertThat(d.reasons())
        .containsExactly("accuracy 0.980 is below the live router's 1.000 minus 0.010");
  }

  @Test
  void aLiveTeacherIsCheckedWithTheTolerancesAlone() {
    // 4,000 examples, the candidate 1.5 points under the live teacher: within the tolerance for a
    // cheaper candidate (2 points), beyond the bound against a live student (1 point). The
    // tolerance is the price of being cheaper, and the bound does not take it back
    var teacher = report(gold(2000), gold(2000));
    var candidate = report(gold(2000), candidateMissing(2000, 60));
    var d =
        decide(PromotionGate.Bounds.defaults(), teacher, teacher, candidate, 1, EMBEDDING, TEXT);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
  }

  /**
   * 1,000 questions of each domain and 200 out of scope; the first {@code declinedInScope} of each
   * domain and all but the first {@code declinedOos} out-of-scope ones routed wrong (declined, or
   * to hr).
   */
  static List<String> routes(int declinedInScope, int declinedOos) {
    List<String> out = new java.util.ArrayList<>();
    for (String domain : List.of("hr", "it")) {
      for (int i = 0; i < 1000; i++) {
        out.add(i < declinedInScope ? "oos" : domain);
      }
    }
    for (int i = 0; i < 200; i++) {
      out.add(i < declinedOos ? "oos" : "hr");
    }
    return out;
  }

  @Test
  void aCandidateThatDeclinesMoreIsComparedOnTheTrafficItIsTunedFor() {
    // the held-out set is 9% out of scope, the traffic 20%: the candidate declines 6% of the
    // in-scope questions and catches 90% of the out-of-scope ones where the live student caught
    // half. Counted on the set it is 1.8 points worse, beyond the noise of 2,200 examples; on the
    // traffic it is tuned for, 3.2 points better. (On CLINC150 the plain count kept an n-gram 2.2
    // points better on the test split out for a cycle.)
    var gold = routes(0, 200);
    var live = report(gold, routes(0, 100));
    var candidate = report(gold, routes(60, 180));
    assertThat(candidate.accuracy()).isLessThan(live.accuracy() - 0.015);
    var d =
        PromotionGate.decide(
            PromotionGate.Bounds.defaults(), candidate, live, candidate, 1, EMBEDDING, TEXT, 0.2);
    assertThat(d.pass()).as(d.reasons().toString()).isTrue();
    var worse =
        PromotionGate.decide(
            PromotionGate.Bounds.defaults(), live, candidate, live, 1, EMBEDDING, TEXT, 0.2);
    assertThat(worse.reasons())
        .containsExactly(
            "accuracy on traffic 20% out of scope 0.900 is below the live router's 0.932 by more"
                + " than the bound of 0.010 and the 0.015 its 2200 examples cannot tell apart",
            "out-of-scope recall drops from 0.900 to 0.500 (more than 0.050, and more than the"
                + " 0.088 its 200 examples cannot tell apart)");
  }
}
