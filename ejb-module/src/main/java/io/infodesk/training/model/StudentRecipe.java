package io.infodesk.training.model;

import io.infodesk.curation.model.Curation;
import io.infodesk.routing.model.ExpectedAccuracy;
import io.infodesk.routing.model.LinearHead;
import io.infodesk.routing.model.NgramFeaturizer;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.control.TrainingDefaults;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * How InfoDesk trains its two students, the same for the flywheel cycle and the experiment: the
 * hashed n-gram softmax and the MiniLM MLP, trained with DJL on a fit split with early stopping on
 * a validation split, then a confidence threshold for declining tuned on that validation split.
 */
public final class StudentRecipe {

  public static final String NGRAM = "ngram";
  public static final String MINILM_MLP = "minilm-mlp";
  public static final int NGRAM_MAX_EPOCHS = 40;
  public static final float NGRAM_LEARNING_RATE = 0.2f;
  public static final int MLP_MAX_EPOCHS = 60;
  public static final int PATIENCE = 6;
  public static final long SEED = 42;

  /** A trained student: the router serving it, and how training went. */
  public record Trained(
      String architecture, StudentRouter router, StudentTrainer.Result result, double threshold) {}

  private StudentRecipe() {}

  /**
   * @param maxEpochs null for the architecture's default
   * @param outOfScopeShare the share of the traffic out of scope that the decline threshold is
   *     tuned for ({@link ExpectedAccuracy})
   * @param embed MiniLM, for the MLP student's inputs (unused by the n-gram student's training)
   * @param progress told each finished epoch
   */
  public static Trained train(
      String architecture,
      String version,
      List<Curation.Example> fit,
      List<Curation.Example> validation,
      List<String> labels,
      Integer maxEpochs,
      int patience,
      double outOfScopeShare,
      Function<String, float[]> embed,
      Consumer<String> progress) {
    boolean ngram = architecture.equals(NGRAM);
    labels = withOutOfScope(labels);
    if (!ngram && !architecture.equals(MINILM_MLP)) {
      throw new IllegalArgumentException("unknown architecture " + architecture);
    }
    NgramFeaturizer features = ngram ? new NgramFeaturizer(ngramBuckets(labels.size())) : null;
    int epochs = maxEpochs != null ? maxEpochs : ngram ? NGRAM_MAX_EPOCHS : MLP_MAX_EPOCHS;
    IntConsumer onEpoch =
        epoch -> progress.accept(architecture + ": epoch " + epoch + " of at most " + epochs);
    StudentTrainer.Result result =
        ngram
            ? SparseSoftmaxTrainer.train(
                fit.stream().map(e -> features.featurize(e.text())).toList(),
                ids(fit, labels),
                validation.stream().map(e -> features.featurize(e.text())).toList(),
                ids(validation, labels),
                features.buckets(),
                labels.size(),
                new SparseSoftmaxTrainer.Settings(epochs, NGRAM_LEARNING_RATE, patience, SEED),
                onEpoch)
            : StudentTrainer.train(
                fit.stream().map(Curation.Example::vector).toArray(float[][]::new),
                ids(fit, labels),
                validation.stream().map(Curation.Example::vector).toArray(float[][]::new),
                ids(validation, labels),
                labels.size(),
                new StudentTrainer.Settings(128, epochs, 16, 0.01f, patience, SEED),
                onEpoch);
    double threshold = tuneThreshold(result.head(), labels, validation, features, outOfScopeShare);
    return new Trained(
        architecture,
        new StudentRouter(version, labels, result.head(), threshold, features, embed),
        result,
        threshold);
  }

  /**
   * The confidence below which the student declines, chosen on the validation split: the one with
   * the best {@link ExpectedAccuracy}, because out-of-scope questions are rarer in a validation
   * split than in the traffic; plain accuracy where the split holds one kind only.
   */
  static double tuneThreshold(
      LinearHead head,
      List<String> labels,
      List<Curation.Example> validation,
      NgramFeaturizer ngrams,
      double outOfScopeShare) {
    long oos = validation.stream().filter(e -> e.label().equals(StudentRouter.OOS)).count();
    long inScope = validation.size() - oos;
    float[][] probabilities =
        validation.stream()
            .map(
                e ->
                    ngrams != null
                        ? head.probabilities(ngrams.featurize(e.text()))
                        : head.probabilities(e.vector()))
            .toArray(float[][]::new);
    double best = 0;
    double bestScore = -1;
    for (int step = 0; step <= 19; step++) {
      double t = step * 0.05;
      int rightIn = 0;
      int rightOos = 0;
      for (int i = 0; i < validation.size(); i++) {
        float[] p = probabilities[i];
        int top = LinearHead.argmax(p);
        String label = p[top] < t ? StudentRouter.OOS : labels.get(top);
        if (label.equals(validation.get(i).label())) {
          if (label.equals(StudentRouter.OOS)) {
            rightOos++;
          } else {
            rightIn++;
          }
        }
      }
      double score =
          ExpectedAccuracy.of(outOfScopeShare, rightIn, (int) inScope, rightOos, (int) oos);
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  /**
   * The labels a student learns: the data's, plus out-of-scope where the data has none. Curated
   * data labels the questions the teacher declined as out of scope even when no example in the data
   * is, so out-of-scope is always a class (with no examples it is never predicted).
   */
  public static List<String> withOutOfScope(List<String> labels) {
    if (labels.contains(StudentRouter.OOS)) {
      return labels;
    }
    List<String> all = new java.util.ArrayList<>(labels);
    all.add(StudentRouter.OOS);
    return all;
  }

  /**
   * Hash buckets for an n-gram student over {@code labels} classes: 2^18, fewer where many labels
   * would make the model large (at most 2^23 weights, 32 MB while training).
   */
  static int ngramBuckets(int labels) {
    int buckets = TrainingDefaults.NGRAM_BUCKETS;
    while (buckets > 4096 && (long) buckets * labels > (1L << 23)) {
      buckets >>= 1;
    }
    return buckets;
  }

  static int[] ids(List<Curation.Example> examples, List<String> labels) {
    return examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
  }
}
