package io.infodesk.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A head without a hidden layer keeps its weights input-major, so that an n-gram question's buckets
 * are read in short runs; its probabilities and its stored bytes stay those of the label-by-label
 * layout it replaced, to the bit.
 */
class LinearHeadTest {

  private static final int LABELS = 37;
  private static final int INPUTS = 1_000;

  @Test
  void probabilitiesAreThoseOfTheWeightsSummedLabelByLabel() {
    Random random = new Random(5);
    float[][] weights = weights(random, INPUTS);
    float[] bias = bias(random);
    LinearHead head = new LinearHead(null, null, weights, bias);

    int[] indices = {3, 17, 17, 250, 999, 512, 0};
    float[] values = {0.5f, 1f, -0.25f, 2f, 0.125f, 1f, 0.75f};
    assertThat(head.probabilities(new NgramFeaturizer.Sparse(indices, values)))
        .containsExactly(labelByLabel(weights, bias, indices, values));

    float[] dense = new float[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      dense[i] = (float) random.nextGaussian();
    }
    int[] all = new int[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      all[i] = i;
    }
    assertThat(head.probabilities(dense)).containsExactly(labelByLabel(weights, bias, all, dense));
  }

  @Test
  void storedBytesAreTheLabelByLabelFormat() throws Exception {
    Random random = new Random(9);
    // mostly zero columns: stored by its non-zero columns, each with every label's weight
    float[][] sparse = new float[LABELS][INPUTS];
    for (int column : new int[] {4, 40, 400}) {
      for (int c = 0; c < LABELS; c++) {
        sparse[c][column] = (float) random.nextGaussian();
      }
    }
    float[] bias = bias(random);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(expected)) {
      out.writeByte(2);
      out.writeInt(LABELS);
      out.writeInt(INPUTS);
      out.writeInt(3);
      for (int column : new int[] {4, 40, 400}) {
        out.writeInt(column);
        for (int c = 0; c < LABELS; c++) {
          out.writeFloat(sparse[c][column]);
        }
      }
      vector(out, bias);
    }
    LinearHead head = new LinearHead(null, null, sparse, bias);
    assertThat(head.toBytes()).isEqualTo(expected.toByteArray());
    assertThat(LinearHead.fromBytes(head.toBytes()).toBytes()).isEqualTo(expected.toByteArray());

    // dense: a flag, then the matrix row by row, label by label
    float[][] dense = weights(random, 50);
    expected = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(expected)) {
      out.writeBoolean(false);
      out.writeInt(LABELS);
      out.writeInt(50);
      for (float[] row : dense) {
        for (float v : row) {
          out.writeFloat(v);
        }
      }
      vector(out, bias);
    }
    head = new LinearHead(null, null, dense, bias);
    assertThat(head.toBytes()).isEqualTo(expected.toByteArray());
    assertThat(LinearHead.fromBytes(head.toBytes()).toBytes()).isEqualTo(expected.toByteArray());
    assertThat(head.parameters()).isEqualTo(LABELS * 50L + LABELS);
    assertThat(head.inputs()).isEqualTo(50);
  }

  @Test
  void weightsOfTheWrongSizeAreRefused() {
    assertThatThrownBy(() -> LinearHead.linear(new float[10], 3, new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 inputs and 3 labels");
  }

  /** The label-by-label sums the head computed before it kept its weights input-major. */
  private static float[] labelByLabel(float[][] w, float[] bias, int[] indices, float[] values) {
    float[] z = bias.clone();
    for (int c = 0; c < z.length; c++) {
      float s = 0;
      for (int i = 0; i < indices.length; i++) {
        s += w[c][indices[i]] * values[i];
      }
      z[c] += s;
    }
    return LinearHead.softmax(z);
  }

  private static float[][] weights(Random random, int inputs) {
    float[][] w = new float[LABELS][inputs];
    for (float[] row : w) {
      for (int i = 0; i < inputs; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    return w;
  }

  private static float[] bias(Random random) {
    float[] b = new float[LABELS];
    for (int c = 0; c < LABELS; c++) {
      b[c] = (float) random.nextGaussian();
    }
    return b;
  }

  private static void vector(DataOutputStream out, float[] v) throws Exception {
    out.writeInt(v.length);
    for (float x : v) {
      out.writeFloat(x);
    }
  }
}
