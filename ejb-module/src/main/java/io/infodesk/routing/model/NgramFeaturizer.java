package io.infodesk.routing.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hashed word (1-2) and character (3-5) n-grams of a text, as a sparse vector in a fixed number of
 * buckets, L2-normalised. Needs no encoder: featurising a question is a few microseconds.
 */
public final class NgramFeaturizer {

  /** A sparse vector: bucket indices (ascending, distinct) and their values. */
  public record Sparse(int[] indices, float[] values) {}

  private final int buckets;

  public NgramFeaturizer(int buckets) {
    if (Integer.bitCount(buckets) != 1 || buckets < 64) {
      throw new IllegalArgumentException("buckets must be a power of two >= 64");
    }
    this.buckets = buckets;
  }

  public int buckets() {
    return buckets;
  }

  public Sparse featurize(String text) {
    String t =
        " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    int[] keys = new int[64];
    float[] vals = new float[64];
    int n = 0;
    // word unigrams and bigrams
    String[] words = t.strip().isEmpty() ? new String[0] : t.strip().split(" ");
    int[] hashes = new int[words.length * 2 + Math.max(0, t.length() * 3)];
    int h = 0;
    for (int i = 0; i < words.length; i++) {
      hashes[h++] = hash("w:" + words[i]);
      if (i + 1 < words.length) {
        hashes[h++] = hash("b:" + words[i] + " " + words[i + 1]);
      }
    }
    for (int len = 3; len <= 5; len++) {
      for (int i = 0; i + len <= t.length(); i++) {
        hashes[h++] = hash("c:" + t.substring(i, i + len));
      }
    }
    int[] idx = Arrays.copyOf(hashes, h);
    for (int i = 0; i < idx.length; i++) {
      idx[i] = idx[i] & (buckets - 1);
    }
    Arrays.sort(idx);
    for (int i = 0; i < idx.length; ) {
      int j = i;
      while (j < idx.length && idx[j] == idx[i]) {
        j++;
      }
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        vals = Arrays.copyOf(vals, n * 2);
      }
      keys[n] = idx[i];
      vals[n] = j - i;
      n++;
      i = j;
    }
    double norm = 0;
    for (int i = 0; i < n; i++) {
      norm += vals[i] * vals[i];
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < n; i++) {
      vals[i] *= scale;
    }
    return new Sparse(Arrays.copyOf(keys, n), Arrays.copyOf(vals, n));
  }

  /** The dense form, for training. */
  public float[] dense(String text) {
    Sparse s = featurize(text);
    float[] d = new float[buckets];
    for (int i = 0; i < s.indices().length; i++) {
      d[s.indices()[i]] = s.values()[i];
    }
    return d;
  }

  /** FNV-1a, stable across JVMs (String.hashCode is too, but this mixes the bits better). */
  static int hash(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
