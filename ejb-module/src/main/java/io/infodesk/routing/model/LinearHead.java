package io.infodesk.routing.model;

/**
 * A trained router's weights as plain Java arrays, for serving without the inference engine:
 * optional hidden layer (ReLU), then a linear layer and softmax over the labels. Thread-safe.
 */
public final class LinearHead {

  private final float[][] hiddenWeights; // [hidden][inputs], or null
  private final float[] hiddenBias;
  private final float[][] outputWeights; // [labels][hidden], or null without a hidden layer
  // without a hidden layer: the output weights input-major, [inputs][labels] in one array, so that
  // an n-gram question's few hundred buckets are read in short runs, not across as many arrays as
  // labels (the same sums in the same order as label by label)
  private final float[] byInput;
  private final int inputs;
  private final float[] outputBias;

  /**
   * @param outputWeights [labels][inputs or hidden]
   */
  public LinearHead(
      float[][] hiddenWeights, float[] hiddenBias, float[][] outputWeights, float[] outputBias) {
    this.hiddenWeights = hiddenWeights;
    this.hiddenBias = hiddenBias;
    this.outputBias = outputBias;
    if (hiddenWeights != null) {
      this.outputWeights = outputWeights;
      this.byInput = null;
      this.inputs = hiddenWeights[0].length;
    } else {
      int labels = outputWeights.length;
      this.inputs = outputWeights[0].length;
      this.byInput = new float[Math.multiplyExact(inputs, labels)];
      for (int c = 0; c < labels; c++) {
        float[] row = outputWeights[c];
        for (int i = 0; i < inputs; i++) {
          byInput[i * labels + c] = row[i];
        }
      }
      this.outputWeights = null;
    }
  }

  private LinearHead(float[] byInput, int inputs, float[] outputBias) {
    this.hiddenWeights = null;
    this.hiddenBias = null;
    this.outputWeights = null;
    this.byInput = byInput;
    this.inputs = inputs;
    this.outputBias = outputBias;
  }

  /**
   * A head without a hidden layer from its weights input-major: {@code byInput[i * labels + c]} is
   * label c's weight of input i (the array is the head's own from now on).
   */
  public static LinearHead linear(float[] byInput, int inputs, float[] bias) {
    if (inputs < 1 || byInput.length != (long) inputs * bias.length) {
      throw new IllegalArgumentException(
          "weights for " + inputs + " inputs and " + bias.length + " labels expected");
    }
    return new LinearHead(byInput, inputs, bias);
  }

  public int labels() {
    return outputBias.length;
  }

  /** The width of the input: MiniLM's dimensions, or the n-gram model's hash buckets. */
  public int inputs() {
    return inputs;
  }

  /** Parameters, for the registry and the comparison table. */
  public long parameters() {
    if (hiddenWeights == null) {
      return (long) inputs * labels() + labels();
    }
    return (long) labels() * hiddenBias.length
        + labels()
        + (long) hiddenWeights.length * hiddenWeights[0].length
        + hiddenBias.length;
  }

  /** Probabilities for a sparse input (n-gram features). Only linear heads take sparse input. */
  public float[] probabilities(NgramFeaturizer.Sparse x) {
    if (hiddenWeights != null) {
      throw new IllegalStateException("a hidden layer needs dense input");
    }
    float[] sums = new float[labels()];
    int[] idx = x.indices();
    float[] val = x.values();
    for (int i = 0; i < idx.length; i++) {
      addInput(sums, idx[i], val[i]);
    }
    return withBias(sums);
  }

  /** Probabilities for a dense input (MiniLM embeddings, or dense n-grams). */
  public float[] probabilities(float[] x) {
    if (hiddenWeights == null) {
      float[] sums = new float[labels()];
      for (int i = 0; i < x.length; i++) {
        addInput(sums, i, x[i]);
      }
      return withBias(sums);
    }
    float[] in = new float[hiddenBias.length];
    for (int j = 0; j < in.length; j++) {
      float s = hiddenBias[j];
      float[] w = hiddenWeights[j];
      for (int i = 0; i < x.length; i++) {
        s += w[i] * x[i];
      }
      in[j] = Math.max(0, s);
    }
    float[] z = outputBias.clone();
    for (int c = 0; c < z.length; c++) {
      float[] w = outputWeights[c];
      float s = 0;
      for (int i = 0; i < in.length; i++) {
        s += w[i] * in[i];
      }
      z[c] += s;
    }
    return softmax(z);
  }

  /**
   * Adds input {@code input}'s weights times {@code value} to each label's sum (no hidden layer).
   */
  private void addInput(float[] sums, int input, float value) {
    int base = input * sums.length;
    for (int c = 0; c < sums.length; c++) {
      sums[c] += byInput[base + c] * value;
    }
  }

  /** Each label's bias plus its sum over the inputs, as probabilities. */
  private float[] withBias(float[] sums) {
    float[] z = outputBias.clone();
    for (int c = 0; c < z.length; c++) {
      z[c] += sums[c];
    }
    return softmax(z);
  }

  /** Turns logits into probabilities in place (stable: the largest logit is subtracted first). */
  public static void softmaxInPlace(float[] z) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.exp(z[i] - max);
      sum += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= (float) sum;
    }
  }

  static float[] softmax(float[] z) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    float[] p = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = (float) Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= (float) sum;
    }
    return p;
  }

  /**
   * The weights as bytes, for the registry. A linear head whose input columns are mostly zero (an
   * n-gram model's untouched hash buckets) is stored by its non-zero columns only.
   */
  public byte[] toBytes() {
    try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      int labels = labels();
      int[] columns = hiddenWeights == null ? nonZeroColumns() : null;
      if (columns != null && columns.length < inputs / 2) {
        out.writeByte(SPARSE_COLUMNS);
        out.writeInt(labels);
        out.writeInt(inputs);
        out.writeInt(columns.length);
        for (int column : columns) {
          out.writeInt(column);
          for (int c = 0; c < labels; c++) {
            out.writeFloat(byInput[column * labels + c]);
          }
        }
        writeVector(out, outputBias);
      } else if (hiddenWeights == null) {
        out.writeBoolean(false);
        out.writeInt(labels);
        out.writeInt(inputs);
        for (int c = 0; c < labels; c++) {
          for (int i = 0; i < inputs; i++) {
            out.writeFloat(byInput[i * labels + c]);
          }
        }
        writeVector(out, outputBias);
      } else {
        out.writeBoolean(true);
        writeMatrix(out, hiddenWeights);
        writeVector(out, hiddenBias);
        writeMatrix(out, outputWeights);
        writeVector(out, outputBias);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The format byte of a linear head stored by its non-zero columns (0 and 1: dense, hidden). */
  private static final int SPARSE_COLUMNS = 2;

  private int[] nonZeroColumns() {
    int labels = labels();
    int[] columns = new int[inputs];
    int n = 0;
    for (int i = 0; i < inputs; i++) {
      for (int c = 0; c < labels; c++) {
        if (byInput[i * labels + c] != 0) {
          columns[n++] = i;
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(columns, n);
  }

  public static LinearHead fromBytes(byte[] data) {
    try (java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(data))) {
      int format = in.readUnsignedByte();
      if (format == SPARSE_COLUMNS) {
        int labels = in.readInt();
        int inputs = in.readInt();
        float[] byInput = new float[Math.multiplyExact(inputs, labels)];
        int columns = in.readInt();
        for (int n = 0; n < columns; n++) {
          int column = in.readInt();
          for (int c = 0; c < labels; c++) {
            byInput[column * labels + c] = in.readFloat();
          }
        }
        return linear(byInput, inputs, readVector(in));
      }
      boolean hidden = format != 0;
      float[][] hw = hidden ? readMatrix(in) : null;
      float[] hb = hidden ? readVector(in) : null;
      return new LinearHead(hw, hb, readMatrix(in), readVector(in));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("corrupt model weights", e);
    }
  }

  private static void writeMatrix(java.io.DataOutputStream out, float[][] m)
      throws java.io.IOException {
    out.writeInt(m.length);
    out.writeInt(m[0].length);
    for (float[] row : m) {
      for (float v : row) {
        out.writeFloat(v);
      }
    }
  }

  private static void writeVector(java.io.DataOutputStream out, float[] v)
      throws java.io.IOException {
    out.writeInt(v.length);
    for (float x : v) {
      out.writeFloat(x);
    }
  }

  private static float[][] readMatrix(java.io.DataInputStream in) throws java.io.IOException {
    float[][] m = new float[in.readInt()][in.readInt()];
    for (float[] row : m) {
      for (int i = 0; i < row.length; i++) {
        row[i] = in.readFloat();
      }
    }
    return m;
  }

  private static float[] readVector(java.io.DataInputStream in) throws java.io.IOException {
    float[] v = new float[in.readInt()];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readFloat();
    }
    return v;
  }

  public static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
