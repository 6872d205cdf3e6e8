package io.infodesk.routing.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hashed word (1-2) and character (3-5) n-grams of a text, as a sparse vector in a fixed number of
 * buckets, L2-normalised. Needs no encoder: featurising a question is a few microseconds. Scripts
 * written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) have
 * no words to split, so their characters (1-2) count as words do.
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
    int[] hashes = new int[words.length * 2 + Math.max(0, t.length() * 5)];
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
    // characters of a script without spaces, and pairs of them in a row
    int previous = -1;
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      if (unspaced(c)) {
        hashes[h++] = hash("u:" + Character.toString(c));
        if (previous >= 0) {
          hashes[h++] = hash("d:" + Character.toString(previous) + Character.toString(c));
        }
        previous = c;
      } else {
        previous = -1;
      }
      i += Character.charCount(c);
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

  /**
   * Texts whose n-grams agree less than this (cosine) are never near-duplicates, whatever an
   * encoder says: MiniLM knows almost no Chinese, Japanese or Thai character, so it gives every
   * text of those scripts nearly the same vector. English questions that MiniLM puts at 0.9 or more
   * share at least 0.22 (CLINC150, docs/experiment.md).
   */
  public static final double NEAR_DUPLICATE_FLOOR = 0.2;

  /**
   * The floor of {@link #NEAR_DUPLICATE_FLOOR} where either text is mostly of a script written
   * without spaces ({@link #inUnspacedScript}): each of its characters and pairs of them counts as
   * a word, so short unrelated questions share common characters ("我忘了密码" and "我忘了打印机在哪里": 0.26).
   * At 0.2, one SME decision settled half its questions with a wrong label on the Chinese stand-in,
   * and curation merged 3,342 of its labelled questions into 1,361. Spaced texts keep the lower
   * floor: English paraphrases can share less than 0.5 ("can you tell me how to change my pin" and
   * "i need to change my pin number": 0.47) and are still one question (docs/experiment.md).
   */
  public static final double UNSPACED_NEAR_DUPLICATE_FLOOR = 0.5;

  /** A featurizer for comparing texts ({@link #mayBeNearDuplicates}). */
  public static final NgramFeaturizer TEXTS = new NgramFeaturizer(1 << 16);

  /**
   * A text as near-duplicates are told: its n-grams ({@link #TEXTS}) and whether it is mostly of a
   * script written without spaces.
   */
  public record Compared(Sparse words, boolean unspaced) {

    public static Compared of(String text) {
      return new Compared(TEXTS.featurize(text), inUnspacedScript(text));
    }
  }

  /**
   * Whether two texts share enough n-grams to be near-duplicates: {@link #NEAR_DUPLICATE_FLOOR}, or
   * {@link #UNSPACED_NEAR_DUPLICATE_FLOOR} where either is of a script written without spaces.
   */
  public static boolean mayBeNearDuplicates(Compared a, Compared b) {
    return cosine(a.words(), b.words())
        >= (a.unspaced() || b.unspaced() ? UNSPACED_NEAR_DUPLICATE_FLOOR : NEAR_DUPLICATE_FLOOR);
  }

  /** The cosine of two sparse vectors from the same featurizer (both are L2-normalised). */
  public static double cosine(Sparse a, Sparse b) {
    double dot = 0;
    int[] ai = a.indices();
    int[] bi = b.indices();
    for (int i = 0, j = 0; i < ai.length && j < bi.length; ) {
      if (ai[i] == bi[j]) {
        dot += a.values()[i++] * b.values()[j++];
      } else if (ai[i] < bi[j]) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
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

  private static final java.util.Set<Character.UnicodeScript> UNSPACED =
      java.util.EnumSet.of(
          Character.UnicodeScript.HAN,
          Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA,
          Character.UnicodeScript.THAI,
          Character.UnicodeScript.LAO,
          Character.UnicodeScript.KHMER,
          Character.UnicodeScript.MYANMAR,
          Character.UnicodeScript.TIBETAN);

  /**
   * Whether most of the text's letters belong to scripts written without spaces between words,
   * whose characters and pairs of them {@link #featurize} counts as words: two such texts share
   * common characters ("我忘了…"), so their cosine says less than that of two spaced texts.
   */
  public static boolean inUnspacedScript(String text) {
    int letters = 0;
    int unspaced = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        letters++;
        unspaced += unspaced(c) ? 1 : 0;
      }
      i += Character.charCount(c);
    }
    return letters > 0 && 2 * unspaced >= letters;
  }

  /** Whether {@code c} belongs to a script written without spaces between words. */
  static boolean unspaced(int c) {
    return c >= 0x0e00 && UNSPACED.contains(Character.UnicodeScript.of(c));
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
