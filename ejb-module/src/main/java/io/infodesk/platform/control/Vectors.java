package io.infodesk.platform.control;

/** Vector maths on the embedders' float vectors, shared by every feature that compares them. */
public final class Vectors {

  private Vectors() {}

  /** The dot product; for the unit vectors this embedder returns, their cosine similarity. */
  public static double dot(float[] a, float[] b) {
    // eight sums side by side, not one: each addition waits for the one before it, and with one
    // sum that wait was most of the time (2.2 times as long for MiniLM's 384 dimensions, on this
    // machine). The order of the additions differs, and so does the result, by a rounding of
    // doubles (about 1e-16), far below any threshold it is compared with
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (; i + 7 < a.length; i += 8) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
      s4 += a[i + 4] * b[i + 4];
      s5 += a[i + 5] * b[i + 5];
      s6 += a[i + 6] * b[i + 6];
      s7 += a[i + 7] * b[i + 7];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** The cosine similarity of any two vectors (0 when either is zero). */
  public static float cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0f : (float) (dot / Math.sqrt(na * nb));
  }
}
