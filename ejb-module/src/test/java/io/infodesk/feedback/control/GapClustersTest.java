package io.infodesk.feedback.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.feedback.model.GapClusters;
import io.infodesk.feedback.model.GapClusters.Question;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapClustersTest {

  static Question q(String text, String domain, float x, float y, String at) {
    double n = Math.sqrt(x * x + y * y);
    return new Question(
        text,
        domain,
        "rated down",
        Instant.parse(at),
        new float[] {(float) (x / n), (float) (y / n)});
  }

  @Test
  void similarQuestionsOfADomainGroupTogetherLargestFirst() {
    List<GapClusters.Gap> gaps =
        GapClusters.group(
            List.of(
                q("parking in Lisbon?", "it", 1, 0, "2026-11-01T00:00:00Z"),
                q("sabbatical rules", "hr", 0, 1, "2026-11-02T00:00:00Z"),
                q("where to park in Lisbon", "it", 0.95f, 0.05f, "2026-11-03T00:00:00Z"),
                q("Lisbon car park", "it", 0.9f, 0.1f, "2026-11-04T00:00:00Z"),
                q("parking, but HR", "hr", 1, 0, "2026-11-05T00:00:00Z")),
            0.9);
    assertThat(gaps).extracting(GapClusters.Gap::getSize).containsExactly(3, 1, 1);
    assertThat(gaps.get(0).getRepresentative()).isEqualTo("parking in Lisbon?");
    assertThat(gaps.get(0).getLatest()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
    assertThat(gaps.get(1).getRepresentative())
        .as("the same vector in another domain is another gap, newest first among equals")
        .isEqualTo("parking, but HR");
  }
}
