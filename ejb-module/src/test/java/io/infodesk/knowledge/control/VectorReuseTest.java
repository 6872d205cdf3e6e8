package io.infodesk.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.knowledge.entity.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorReuseTest {

  /** A fake model: the vector of a text is its length and its first character. */
  static float[] vectorOf(String text) {
    return new float[] {text.length(), text.charAt(0)};
  }

  final List<List<String>> embedCalls = new ArrayList<>();

  float[][] embed(List<String> texts) {
    embedCalls.add(List.copyOf(texts));
    return texts.stream().map(VectorReuseTest::vectorOf).toArray(float[][]::new);
  }

  @Test
  void storedVectorsAreReusedAndOnlyNewTextsAreEmbeddedInOrder() {
    float[] stored = {42f, 42f};
    VectorReuse.Vectors v =
        VectorReuse.vectors(
            List.of("Leave: sixteen weeks", "Leave: ask your manager", "VPN: use the gateway"),
            hashes -> Map.of(Chunk.textHash("Leave: ask your manager"), stored),
            this::embed);
    assertThat(embedCalls).containsExactly(List.of("Leave: sixteen weeks", "VPN: use the gateway"));
    assertThat(v.vectors())
        .isDeepEqualTo(
            new float[][] {
              vectorOf("Leave: sixteen weeks"), stored, vectorOf("VPN: use the gateway")
            });
    assertThat(v.embedded()).isEqualTo(2);
    assertThat(v.reused()).isEqualTo(1);
  }

  @Test
  void theLookupIsAskedForEveryDistinctTextOnce() {
    List<Set<String>> asked = new ArrayList<>();
    VectorReuse.vectors(
        List.of("a", "b", "a"),
        hashes -> {
          asked.add(Set.copyOf(hashes));
          return Map.of();
        },
        this::embed);
    assertThat(asked).containsExactly(Set.of(Chunk.textHash("a"), Chunk.textHash("b")));
  }

  @Test
  void aTextRepeatedWithinTheChunksIsEmbeddedOnce() {
    VectorReuse.Vectors v =
        VectorReuse.vectors(List.of("same", "other", "same"), hashes -> Map.of(), this::embed);
    assertThat(embedCalls).containsExactly(List.of("same", "other"));
    assertThat(v.vectors())
        .isDeepEqualTo(new float[][] {vectorOf("same"), vectorOf("other"), vectorOf("same")});
    assertThat(v.embedded()).isEqualTo(2);
    assertThat(v.reused()).isEqualTo(1);
  }

  @Test
  void nothingNewMeansTheModelIsNotCalled() {
    VectorReuse.Vectors v =
        VectorReuse.vectors(
            List.of("x", "y"),
            hashes ->
                Map.of(Chunk.textHash("x"), vectorOf("x"), Chunk.textHash("y"), vectorOf("y")),
            texts -> {
              throw new AssertionError("embedded " + texts);
            });
    assertThat(v.embedded()).isZero();
    assertThat(v.vectors()).isDeepEqualTo(new float[][] {vectorOf("x"), vectorOf("y")});
  }

  @Test
  void theModelsFailurePassesThroughAndAShortAnswerIsRefused() {
    assertThatThrownBy(
            () ->
                VectorReuse.vectors(
                    List.of("x"),
                    hashes -> Map.of(),
                    texts -> {
                      throw new IllegalStateException("MiniLM inference failed");
                    }))
        .hasMessage("MiniLM inference failed");
    assertThatThrownBy(
            () ->
                VectorReuse.vectors(List.of("x", "y"), hashes -> Map.of(), texts -> new float[1][]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 vectors for 2 texts");
  }

  @Test
  void theHashIsOfTheTextAsEmbeddedHeadingIncluded() {
    assertThat(Chunk.embeddedText("Leave › Parental", "Sixteen weeks."))
        .isEqualTo("Leave › Parental: Sixteen weeks.");
    assertThat(Chunk.embeddedText("", "Sixteen weeks.")).isEqualTo("Sixteen weeks.");
    assertThat(Chunk.embeddedText(null, "Sixteen weeks.")).isEqualTo("Sixteen weeks.");
    assertThat(Chunk.textHash("a")).hasSize(64).isNotEqualTo(Chunk.textHash("a "));
  }
}
