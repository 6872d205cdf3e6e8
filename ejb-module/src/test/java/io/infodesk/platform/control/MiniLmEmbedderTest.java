package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real all-MiniLM-L6-v2 model from the langchain4j jar, offline. */
class MiniLmEmbedderTest {

  static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder =
        MiniLmEmbedder.load(
            Path.of("target", "models", "all-minilm-l6-v2"),
            MiniLmEmbedderTest.class.getClassLoader());
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void embeddingsAreNormalisedWith384Dimensions() {
    float[] v = embedder.embed("How many vacation days do I get?");
    assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void similarQuestionsAreCloserThanUnrelatedOnes() {
    float[][] v =
        embedder.embedAll(
            List.of(
                "How many vacation days do I get per year?",
                "What is my annual paid time off allowance?",
                "My laptop will not connect to the VPN."));
    float same = Vectors.cosine(v[0], v[1]);
    float other = Vectors.cosine(v[0], v[2]);
    assertThat(same).isGreaterThan(other + 0.2f);
  }

  @Test
  void aBatchGivesTheSameVectorsAsSingleCalls() {
    List<String> texts =
        List.of(
            "reset my password",
            "when is payday",
            "a much longer sentence about the expense policy for travel");
    float[][] batch = embedder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(Vectors.cosine(batch[i], embedder.embed(texts.get(i)))).isGreaterThan(0.9999f);
    }
  }

  @Test
  void poolingIgnoresPaddedTokens() {
    float[][][] hidden = {{{1, 0}, {3, 0}, {100, 100}}};
    long[][] mask = {{1, 1, 0}};
    float[] pooled = MiniLmEmbedder.pool(hidden, mask)[0];
    assertThat(pooled[0]).isCloseTo(1f, within(1e-6f));
    assertThat(pooled[1]).isCloseTo(0f, within(1e-6f));
  }

  @Test
  void caseAndSpacesDoNotChangeAVectorSoTheCacheMayIgnoreThem() {
    float[] a = embedder.embed("How many vacation days do I get?");
    float[] b = embedder.embed(VectorCache.key("  how MANY vacation   days do I get? "));
    assertThat(b).containsExactly(a, within(1e-5f));
    assertThat(embedder.version()).startsWith("all-minilm-l6-v2.onnx@").hasSizeGreaterThan(30);
  }
}
