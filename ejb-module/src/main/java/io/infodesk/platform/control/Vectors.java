package io.infodesk.platform.control;

/** Vector maths on the embedders' float vectors, shared by every feature that compares them. */
public final class Vectors {

  private Vectors() {}

  /** The dot product; for the unit vectors this embedder returns, their cosine similarity. */
  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
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
