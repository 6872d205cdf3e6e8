package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real all-MiniLM-L6-v2 model from the langchain4j jars, offline: the one {@code
 * infodesk.embedding.model} names (the 8-bit one by default), and both where a test says so.
 */
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
  void itSaysHowMuchOfATextItsVocabularyDoesNotKnow() {
    assertThat(embedder.unknownShare(List.of("How many vacation days do I get?"))).isZero();
    assertThat(embedder.unknownShare(List.of("我忘了密码", "打印机坏了")))
        .as("Chinese: MiniLM's vocabulary has almost none of its characters")
        .isGreaterThan(0.5);
    assertThat(embedder.unknownShare(List.of())).isZero();
  }

  @Test
  void aClosedModelRefusesWork() {
    MiniLmEmbedder closed =
        MiniLmEmbedder.load(
            Path.of("target", "models", "all-minilm-l6-v2"),
            MiniLmEmbedderTest.class.getClassLoader());
    closed.close();
    assertThatThrownBy(() -> closed.unknownShare(List.of("reset my password")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> closed.embed("reset my password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
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
    float[][] batch = embedder.embedBatch(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(Vectors.cosine(batch[i], embedder.embed(texts.get(i)))).isGreaterThan(0.9999f);
    }
  }

  /**
   * The quantized model's vectors must not depend on the other texts of a batch (its activations
   * are quantized with one scale per input tensor; batched, a short question's cosine to its own
   * single-call vector was 0.993), or ingestion, the question cache and the batching embedder would
   * each give a text another vector.
   */
  @ParameterizedTest
  @ValueSource(strings = {MiniLmEmbedder.FULL, MiniLmEmbedder.QUANTIZED})
  void eachModelGivesATextTheSameVectorInABatchAsAlone(String name) {
    try (MiniLmEmbedder model =
        MiniLmEmbedder.load(
            Path.of("target", "models", "all-minilm-l6-v2"),
            MiniLmEmbedderTest.class.getClassLoader(),
            name)) {
      List<String> texts =
          List.of(
              "when is payday",
              "a much longer sentence about the expense policy for travel abroad and its limits");
      float[][] batch = model.embedBatch(texts);
      float[][] oneByOne = model.embedAll(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(batch[i]).containsExactly(model.embed(texts.get(i)), within(1e-5f));
        assertThat(oneByOne[i]).containsExactly(model.embed(texts.get(i)), within(1e-6f));
      }
      assertThat(model.version()).startsWith(name + ".onnx@");
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
    assertThat(embedder.version())
        .matches("all-minilm-l6-v2(-q)?\\.onnx@[0-9a-f]{64}(/[0-9]+)?")
        .endsWith(
            Integer.getInteger("infodesk.embedding.max-tokens", MiniLmEmbedder.DEFAULT_MAX_TOKENS)
                    == MiniLmEmbedder.MODEL_MAX_TOKENS
                ? ""
                : "/" + Integer.getInteger("infodesk.embedding.max-tokens"));
  }

  /**
   * The window: a text longer than it is embedded as its first word pieces, whatever follows, and a
   * question shorter than it is embedded whole, whatever the window. Vectors of another window
   * belong to another version (128, the length the model was trained on, for example); the model's
   * full window, the default, keeps the version of the vectors made before the window existed.
   */
  @Test
  void aTextIsEmbeddedUpToTheWindowAndTheVersionNamesTheWindow() {
    String opening =
        "Employees who have completed six months of service may take up to twenty days of paid"
            + " parental leave within the first year after a birth or an adoption. ";
    String section = opening.repeat(5); // about 150 word pieces
    String longer = section + "Requests go to the manager and to payroll at least a month ahead.";
    String question = "how much parental leave do I get";
    Path dir = Path.of("target", "models", "all-minilm-l6-v2");
    ClassLoader loader = MiniLmEmbedderTest.class.getClassLoader();
    try (MiniLmEmbedder trained = MiniLmEmbedder.load(dir, loader, MiniLmEmbedder.QUANTIZED, 128);
        MiniLmEmbedder full = MiniLmEmbedder.load(dir, loader, MiniLmEmbedder.QUANTIZED, 256)) {
      assertThat(trained.embed(longer)).containsExactly(trained.embed(section), within(1e-6f));
      assertThat(Vectors.cosine(full.embed(longer), full.embed(section))).isLessThan(0.9999f);
      assertThat(trained.embed(question)).containsExactly(full.embed(question), within(1e-6f));
      assertThat(full.version()).matches("all-minilm-l6-v2-q\\.onnx@[0-9a-f]{64}");
      assertThat(trained.version()).isEqualTo(full.version() + "/128");
      assertThat(MiniLmEmbedder.atModelWindow(trained.version())).isEqualTo(full.version());
      assertThat(MiniLmEmbedder.atModelWindow(full.version())).isEqualTo(full.version());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 15, 257, 512})
  void aWindowOutsideTheModelsIsRefused(int maxTokens) {
    assertThatThrownBy(
            () ->
                MiniLmEmbedder.load(
                    Path.of("target", "models", "all-minilm-l6-v2"),
                    MiniLmEmbedderTest.class.getClassLoader(),
                    MiniLmEmbedder.QUANTIZED,
                    maxTokens))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infodesk.embedding.max-tokens");
  }
}
