package io.infodesk.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {

  static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void theFunnelIsOneBarPerStageInOrderWithMissingStagesAtZero() {
    JsonObject chart =
        parse(Charts.funnel(Map.of("feedback", 1224, "unsatisfied", 140, "groundTruth", 685L)));
    assertThat(chart.getString("type")).isEqualTo("bar");
    JsonObject data = chart.getJsonObject("data");
    assertThat(data.getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly(
            "Feedback", "Unsatisfied", "Flagged misroutes", "SME-confirmed", "Ground truth");
    assertThat(
            data.getJsonArray("datasets")
                .getJsonObject(0)
                .getJsonArray("data")
                .getValuesAs(jakarta.json.JsonNumber::longValue))
        .containsExactly(1224L, 140L, 0L, 0L, 685L);
  }

  @Test
  void linesAreInPercentWithGapsForMissingValues() {
    JsonObject chart =
        parse(
            Charts.lines(
                "Accuracy",
                List.of("ngram-1", "mlp-1"),
                List.of(
                    new Charts.Series("n-gram", Arrays.asList(0.9123, null), "#000"),
                    new Charts.Series("teacher", List.of(0.8, 0.8), "#111"))));
    var datasets = chart.getJsonObject("data").getJsonArray("datasets");
    assertThat(datasets.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[91.2,null]");
    assertThat(datasets.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[80.0,80.0]");
    assertThatThrownBy(
            () ->
                Charts.lines(
                    "x", List.of("a"), List.of(new Charts.Series("s", List.of(1.0, 2.0), "#000"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
