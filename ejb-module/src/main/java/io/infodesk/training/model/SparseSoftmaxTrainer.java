package io.infodesk.training.model;

import io.infodesk.routing.model.LinearHead;
import io.infodesk.routing.model.NgramFeaturizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains the n-gram student: a softmax (multinomial logistic regression) over hashed n-gram
 * buckets, by AdaGrad on the non-zero features only. Dense training cannot afford 2^18 buckets, and
 * DJL's engine, fed the same model as an embedding bag, spent about 22 ms per batch on this
 * machine's two cores (1.3 s per CLINC150 epoch) against milliseconds here, where a flywheel cycle
 * trains several students. Classes are weighted by the inverse square root of their frequency, so
 * small domains and out-of-scope are not drowned by large ones. Weights start at zero, so buckets
 * no example touches stay exactly zero (the registry stores only the others). Deterministic for a
 * seed; early stopping on the validation split, as {@link StudentTrainer}.
 */
public final class SparseSoftmaxTrainer {

  /** Hyper-parameters. */
  public record Settings(int maxEpochs, float learningRate, int patience, long seed) {}

  private SparseSoftmaxTrainer() {}

  public static StudentTrainer.Result train(
      List<NgramFeaturizer.Sparse> x,
      int[] y,
      List<NgramFeaturizer.Sparse> validX,
      int[] validY,
      int buckets,
      int labels,
      Settings s,
      IntConsumer onEpoch) {
    if (x.isEmpty() || x.size() != y.length || validX.size() != validY.length) {
      throw new IllegalArgumentException("inputs and labels must be non-empty and of equal length");
    }
    // bucket-major: the weights of one bucket for every label lie side by side, and AdaGrad's sums
    // of squared gradients right after them, so that an example's few buckets are read and written
    // in short runs, not across `labels` arrays or two arrays of the model's size
    int row = Math.multiplyExact(2, labels);
    float[] w = new float[Math.multiplyExact(buckets, row)];
    float[] grad = new float[labels];
    float[] b = new float[labels];
    float[] bg2 = new float[labels];
    double[] classWeight = classWeights(y, labels);
    int[] order = new int[x.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(s.seed());
    float[] z = new float[labels];
    double best = -1;
    LinearHead bestHead = null;
    int bestEpoch = 0;
    List<Double> history = new ArrayList<>();
    int epoch = 0;
    while (epoch < s.maxEpochs() && epoch - bestEpoch <= s.patience()) {
      epoch++;
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int n : order) {
        NgramFeaturizer.Sparse f = x.get(n);
        int[] idx = f.indices();
        float[] val = f.values();
        logits(w, b, idx, val, z);
        LinearHead.softmaxInPlace(z);
        float cw = (float) classWeight[y[n]];
        for (int c = 0; c < labels; c++) {
          grad[c] = cw * (z[c] - (c == y[n] ? 1 : 0));
        }
        for (int i = 0; i < idx.length; i++) {
          update(w, idx[i] * row, grad, val[i], s.learningRate());
        }
        for (int c = 0; c < labels; c++) {
          if (grad[c] != 0) {
            bg2[c] += grad[c] * grad[c];
            b[c] -= s.learningRate() * grad[c] / (float) Math.sqrt(bg2[c] + 1e-8f);
          }
        }
      }
      double accuracy = accuracy(w, b, validX, validY, z);
      history.add(accuracy);
      if (accuracy > best) {
        best = accuracy;
        bestEpoch = epoch;
        bestHead = snapshot(w, b, classWeight);
      }
      onEpoch.accept(epoch);
    }
    return new StudentTrainer.Result(bestHead, "cpu (sparse AdaGrad)", epoch, best, history);
  }

  /**
   * AdaGrad's step for one bucket's weights of every label, its sums of squares {@code labels}
   * after them. Without a branch for a zero gradient (a label without examples, or a probability
   * that is exactly zero): its step is zero, which leaves the weight and the sum exactly as they
   * were, and the loop without it ran faster.
   */
  private static void update(float[] w, int base, float[] grad, float v, float rate) {
    int labels = grad.length;
    for (int c = 0; c < labels; c++) {
      float g = grad[c] * v;
      float sum = w[base + labels + c] + g * g;
      w[base + labels + c] = sum;
      w[base + c] -= rate * g / (float) Math.sqrt(sum + 1e-8f);
    }
  }

  /** Inverse square root of each class's frequency, normalised to a mean of 1 per example. */
  static double[] classWeights(int[] y, int labels) {
    int[] counts = new int[labels];
    for (int label : y) {
      counts[label]++;
    }
    double[] weights = new double[labels];
    double total = 0;
    for (int label : y) {
      total += 1 / Math.sqrt(counts[label]);
    }
    for (int c = 0; c < labels; c++) {
      weights[c] = counts[c] == 0 ? 0 : y.length / total / Math.sqrt(counts[c]);
    }
    return weights;
  }

  /**
   * Each label's logit, summed over the buckets in the example's order (bucket-major weights, each
   * bucket's row followed by its sums of squares).
   */
  private static void logits(float[] w, float[] b, int[] idx, float[] val, float[] z) {
    int labels = z.length;
    System.arraycopy(b, 0, z, 0, labels);
    for (int i = 0; i < idx.length; i++) {
      int base = idx[i] * 2 * labels;
      float v = val[i];
      for (int c = 0; c < labels; c++) {
        z[c] += w[base + c] * v;
      }
    }
  }

  private static double accuracy(
      float[] w, float[] b, List<NgramFeaturizer.Sparse> x, int[] y, float[] z) {
    if (x.isEmpty()) {
      return 0;
    }
    int right = 0;
    for (int n = 0; n < x.size(); n++) {
      logits(w, b, x.get(n).indices(), x.get(n).values(), z);
      right += LinearHead.argmax(z) == y[n] ? 1 : 0;
    }
    return (double) right / x.size();
  }

  /** The current weights; a class without examples gets a bias that keeps it from winning. */
  private static LinearHead snapshot(float[] w, float[] b, double[] classWeight) {
    int labels = b.length;
    int buckets = w.length / (2 * labels);
    float[] copy = new float[Math.multiplyExact(buckets, labels)];
    for (int k = 0; k < buckets; k++) {
      System.arraycopy(w, k * 2 * labels, copy, k * labels, labels);
    }
    float[] bias = b.clone();
    for (int c = 0; c < labels; c++) {
      if (classWeight[c] == 0) {
        bias[c] = ABSENT_BIAS;
      }
    }
    return LinearHead.linear(copy, buckets, bias);
  }

  /** The bias of a class the training data has no example of: never the most probable. */
  static final float ABSENT_BIAS = -30f;
}
