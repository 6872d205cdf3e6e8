package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorCacheTest {

  /** A fake embedder that counts its calls and returns a vector per text. */
  static final class Counting {
    final List<String> calls = new ArrayList<>();

    float[] embed(String text) {
      calls.add(text);
      return new float[] {text.length(), calls.size()};
    }
  }

  @Test
  void aRepeatedQuestionIsEmbeddedOnceWhateverItsCaseAndSpaces() {
    VectorCache cache = new VectorCache(10);
    Counting model = new Counting();
    float[] first = cache.get("v1", "How many  vacation days?", model::embed);
    float[] again = cache.get("v1", "  how many vacation DAYS? ", model::embed);
    assertThat(again).isSameAs(first);
    assertThat(model.calls).hasSize(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void manyTextsTakeTheCachedRowsAndEmbedTheOthersInOneBatchInOrder() {
    VectorCache cache = new VectorCache(10);
    Counting model = new Counting();
    float[] asked = cache.get("v1", "When is payday?", model::embed);
    List<List<String>> batches = new ArrayList<>();
    float[][] rows =
        cache.getAll(
            "v1",
            List.of("a question", "when is PAYDAY?", "another one"),
            texts -> {
              batches.add(texts);
              return texts.stream().map(model::embed).toArray(float[][]::new);
            });
    assertThat(batches).containsExactly(List.of("a question", "another one"));
    assertThat(rows[1]).isEqualTo(asked).isNotSameAs(asked);
    assertThat(rows[0][0]).isEqualTo("a question".length());
    assertThat(rows[2][0]).isEqualTo("another one".length());
    // the batch's rows are cached too, and a new model version empties the cache
    assertThat(cache.get("v1", "another one", model::embed)).isEqualTo(rows[2]);
    assertThat(model.calls).hasSize(3);
    cache.getAll("v2", List.of("another one"), texts -> new float[][] {{9, 9}});
    assertThat(cache.get("v2", "another one", model::embed)).containsExactly(9, 9);
  }

  @Test
  void itIsBoundedAndDropsTheLeastRecentlyUsed() {
    VectorCache cache = new VectorCache(3);
    Counting model = new Counting();
    for (String q : List.of("a", "b", "c")) {
      cache.get("v1", q, model::embed);
    }
    cache.get("v1", "a", model::embed); // a is now the most recent
    cache.get("v1", "d", model::embed); // b goes
    assertThat(cache.size()).isEqualTo(3);
    model.calls.clear();
    cache.get("v1", "a", model::embed);
    cache.get("v1", "c", model::embed);
    cache.get("v1", "d", model::embed);
    assertThat(model.calls).isEmpty();
    cache.get("v1", "b", model::embed);
    assertThat(model.calls).containsExactly("b");
    for (int i = 0; i < 1000; i++) {
      cache.get("v1", "q" + i, model::embed);
    }
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void aChangedModelVersionInvalidatesEveryEntry() {
    VectorCache cache = new VectorCache(10);
    Counting model = new Counting();
    float[] old = cache.get("v1", "the vpn says gateway unreachable", model::embed);
    float[] now = cache.get("v2", "the vpn says gateway unreachable", model::embed);
    assertThat(now).isNotSameAs(old);
    assertThat(model.calls).hasSize(2);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("v2", "the vpn says gateway unreachable", model::embed)).isSameAs(now);
  }

  @Test
  void capacityZeroCachesNothing() {
    VectorCache cache = new VectorCache(0);
    Counting model = new Counting();
    cache.get("v1", "a", model::embed);
    cache.get("v1", "a", model::embed);
    assertThat(model.calls).hasSize(2);
    assertThat(cache.size()).isZero();
  }
}
