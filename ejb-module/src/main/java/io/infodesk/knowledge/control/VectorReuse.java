package io.infodesk.knowledge.control;

import io.infodesk.knowledge.entity.Chunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Vectors for chunks' texts without embedding a text twice: a text the model already embedded (an
 * identical chunk stored before, found by {@link Chunk#textHash}) keeps its stored vector, and a
 * text repeated within the chunks is embedded once. Re-indexing a source, or uploading a revised
 * document whose sections mostly did not change, embeds only what is new.
 */
public final class VectorReuse {

  private VectorReuse() {}

  /** Row i belongs to text i; {@code embedded} texts went to the model, the others were reused. */
  public record Vectors(float[][] vectors, int embedded) {
    public int reused() {
      return vectors.length - embedded;
    }
  }

  /**
   * @param texts the texts to embed, as {@link Chunk#embeddedText} makes them
   * @param known the stored vectors of the same model, by text hash, for the hashes given
   * @param embed embeds texts, row i for text i; called once, only when some text is new
   */
  public static Vectors vectors(
      List<String> texts,
      Function<Set<String>, Map<String, float[]>> known,
      Function<List<String>, float[][]> embed) {
    List<String> hashes = texts.stream().map(Chunk::textHash).toList();
    Map<String, float[]> vectors = new HashMap<>(known.apply(new LinkedHashSet<>(hashes)));
    Map<String, String> fresh = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!vectors.containsKey(hashes.get(i))) {
        fresh.putIfAbsent(hashes.get(i), texts.get(i));
      }
    }
    if (!fresh.isEmpty()) {
      List<String> keys = new ArrayList<>(fresh.keySet());
      float[][] embedded = embed.apply(new ArrayList<>(fresh.values()));
      if (embedded.length != keys.size()) {
        throw new IllegalStateException(
            "the model returned " + embedded.length + " vectors for " + keys.size() + " texts");
      }
      for (int i = 0; i < keys.size(); i++) {
        vectors.put(keys.get(i), embedded[i]);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors.get(hashes.get(i));
    }
    return new Vectors(out, fresh.size());
  }
}
