package io.infodesk.platform.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A bounded cache of question vectors, least recently used first out, keyed by the normalised
 * question (case and runs of white space do not change what the uncased MiniLM tokenizer sees).
 * Every entry belongs to one model version: asking with another version empties the cache, so a
 * changed model never answers with the old one's vectors. Help desks see the same questions again
 * and again; a miss costs one embedding, as without the cache. Thread-safe.
 */
public final class VectorCache {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int capacity;
  private final Map<String, float[]> entries;
  private String version;
  private long hits;
  private long misses;

  /**
   * @param capacity how many questions it keeps at most (0 keeps none)
   */
  public VectorCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The key of a question: lower case, white space collapsed, stripped. */
  public static String key(String question) {
    return SPACES.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }

  /**
   * The vector of {@code question} under {@code modelVersion}: the cached one, or {@code embed}'s
   * (computed outside the lock, so concurrent misses do not wait for each other). The caller must
   * not change the returned array.
   */
  public float[] get(String modelVersion, String question, Function<String, float[]> embed) {
    String key = key(question);
    synchronized (this) {
      float[] cached = lookUp(modelVersion, key);
      if (cached != null) {
        return cached;
      }
    }
    float[] vector = embed.apply(question);
    synchronized (this) {
      store(modelVersion, key, vector);
    }
    return vector;
  }

  /**
   * The vectors of many texts under {@code modelVersion}, in order: copies of the cached ones, and
   * the others from one call of {@code embedAll} (which gets them in order), which are cached too.
   * The caller may change the returned arrays.
   */
  public float[][] getAll(
      String modelVersion, List<String> texts, Function<List<String>, float[][]> embedAll) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < texts.size(); i++) {
        float[] cached = lookUp(modelVersion, key(texts.get(i)));
        if (cached != null) {
          out[i] = cached.clone();
        } else {
          missing.add(i);
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    float[][] embedded = embedAll.apply(missing.stream().map(texts::get).toList());
    synchronized (this) {
      for (int j = 0; j < missing.size(); j++) {
        out[missing.get(j)] = embedded[j];
        store(modelVersion, key(texts.get(missing.get(j))), embedded[j].clone());
      }
    }
    return out;
  }

  /**
   * The cached vector of {@code key} under {@code modelVersion}, counted as a hit or a miss; a new
   * version empties the cache first. Holds this object's lock.
   */
  private float[] lookUp(String modelVersion, String key) {
    if (!modelVersion.equals(version)) {
      entries.clear();
      version = modelVersion;
    }
    float[] cached = entries.get(key);
    if (cached != null) {
      hits++;
    } else {
      misses++;
    }
    return cached;
  }

  /**
   * Keeps a vector computed under {@code modelVersion}, unless the version changed meanwhile,
   * dropping the least recently used entry beyond the capacity. Holds this object's lock.
   */
  private void store(String modelVersion, String key, float[] vector) {
    if (capacity > 0 && modelVersion.equals(version)) {
      entries.put(key, vector);
      if (entries.size() > capacity) {
        entries.remove(entries.keySet().iterator().next());
      }
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }
}
