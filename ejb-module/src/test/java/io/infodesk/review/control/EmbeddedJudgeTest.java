package io.infodesk.review.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.review.entity.Verdict.Attribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedJudgeTest {

  final EmbeddedJudge judge = new EmbeddedJudge(0.3, 0.1);

  Judge.Evidence evidence(
      String routed,
      boolean satisfied,
      String corrected,
      String teacher,
      String student,
      Map<String, Double> sims) {
    return new Judge.Evidence("q", routed, satisfied, null, corrected, teacher, student, sims);
  }

  @Test
  void anEmployeesCorrectionIsAMisroute() {
    var v =
        judge.judge(
            evidence("hr", false, "finance", "hr", null, Map.of("hr", 0.6, "finance", 0.5)));
    assertThat(v.attribution()).isEqualTo(Attribution.ROUTING);
    assertThat(v.suggestedDomain()).isEqualTo("finance");
  }

  @Test
  void muchCloserKnowledgeElsewhereIsASuspectedMisroute() {
    var v = judge.judge(evidence("hr", false, null, "hr", null, Map.of("hr", 0.35, "it", 0.62)));
    assertThat(v.attribution()).isEqualTo(Attribution.ROUTING);
    assertThat(v.suggestedDomain()).isEqualTo("it");
    assertThat(v.rationale()).contains("it", "0.62", "0.35");
  }

  @Test
  void aShorterEmbeddingWindowWidensTheDefaultMargin() {
    assertThat(EmbeddedJudge.defaultMargin(MiniLmEmbedder.MODEL_MAX_TOKENS))
        .isEqualTo(EmbeddedJudge.DEFAULT_MARGIN);
    assertThat(EmbeddedJudge.defaultMargin(128)).isEqualTo(0.15);
    // another domain's knowledge 0.12 closer: a suspected misroute with full-window vectors, not
    // with vectors of the first 128 word pieces, where such gaps raised false alarms
    Map<String, Double> sims = Map.of("hr", 0.40, "it", 0.52);
    assertThat(
            new EmbeddedJudge(0.3, EmbeddedJudge.defaultMargin(256))
                .judge(evidence("hr", false, null, "hr", null, sims))
                .attribution())
        .isEqualTo(Attribution.ROUTING);
    assertThat(
            new EmbeddedJudge(0.3, EmbeddedJudge.defaultMargin(128))
                .judge(evidence("hr", false, null, "hr", null, sims))
                .attribution())
        .isEqualTo(Attribution.GENERATION);
  }

  @Test
  void aDisagreementNeedsOnlyASmallerGap() {
    Map<String, Double> sims = Map.of("hr", 0.50, "it", 0.55);
    assertThat(judge.judge(evidence("hr", false, null, "hr", null, sims)).attribution())
        .isEqualTo(Attribution.GENERATION);
    assertThat(judge.judge(evidence("hr", false, null, "hr", "it", sims)).attribution())
        .isEqualTo(Attribution.ROUTING);
  }

  @Test
  void weakRetrievalGoodRetrievalAndSatisfaction() {
    assertThat(
            judge
                .judge(evidence("hr", false, null, "hr", null, Map.of("hr", 0.2, "it", 0.25)))
                .attribution())
        .isEqualTo(Attribution.RETRIEVAL);
    assertThat(
            judge
                .judge(evidence("hr", false, null, "hr", null, Map.of("hr", 0.6, "it", 0.4)))
                .attribution())
        .isEqualTo(Attribution.GENERATION);
    assertThat(
            judge
                .judge(evidence("hr", true, null, "hr", null, Map.of("hr", 0.6, "it", 0.4)))
                .attribution())
        .isEqualTo(Attribution.NONE);
  }

  @Test
  void outOfScopeRoutesCanBeMisroutesToo() {
    var v = judge.judge(evidence(null, false, null, null, null, Map.of("hr", 0.55, "it", 0.2)));
    assertThat(v.attribution()).isEqualTo(Attribution.ROUTING);
    assertThat(v.suggestedDomain()).isEqualTo("hr");
  }
}
