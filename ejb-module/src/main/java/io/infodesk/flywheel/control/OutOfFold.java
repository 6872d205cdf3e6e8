package io.infodesk.flywheel.control;

import io.infodesk.curation.model.Curation;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.model.StudentRecipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The judge's learned evidence: each curated label's probabilities from an n-gram student that
 * never saw it (two folds, cross-validated), so that a label the rest of the data contradicts with
 * confidence shows as a suspected label error (confident learning); and the first fold's student
 * for questions without a label.
 *
 * <p>The n-gram family only: fold students of both families, the pair that routes validation better
 * giving the evidence, were tried on 2026-12-06 and made the flywheel worse on CLINC150 (84.6%
 * against 85.5%, seed 42) and the 60-intent file (94.7% against 95.1%), with more wrong labels on a
 * tenth of CLINC150 (docs/experiment.md, "Latest change").
 */
public final class OutOfFold {

  /** Below this many labelled examples there is too little to learn from: nothing is returned. */
  public static final int MIN_EXAMPLES = 50;

  /**
   * @param probabilities by index into the labelled list
   * @param student one fold's student, for questions outside the list (null when too few)
   * @param accuracy the share of the validation examples the fold students route right (both folds
   *     together): how far their evidence can be trusted
   * @param validationScores each fold student's label probabilities for every validation example:
   *     the first fold's for all of them, then the second's (for {@code Disagreements})
   */
  public record Result(
      Map<Integer, Map<String, Double>> probabilities,
      StudentRouter student,
      double accuracy,
      List<Map<String, Double>> validationScores) {
    public static final Result NONE = new Result(Map.of(), null, 0, List.of());
  }

  private OutOfFold() {}

  /**
   * @param labelled the curated examples to re-examine
   * @param validation early stopping and thresholds of the fold students
   * @param labels every route
   * @param seed the folds' shuffle
   */
  public static Result of(
      List<Curation.Example> labelled,
      List<Curation.Example> validation,
      List<String> labels,
      long seed) {
    return of(labelled, validation, labels, seed, Runnable::run);
  }

  /**
   * As {@link #of(List, List, List, long)}, the two folds trained on {@code executor}: at once
   * where it has two threads. The result is the same either way: each fold's student depends only
   * on its examples, and the folds are joined in their order.
   */
  public static Result of(
      List<Curation.Example> labelled,
      List<Curation.Example> validation,
      List<String> labels,
      long seed,
      Executor executor) {
    if (labelled.size() < MIN_EXAMPLES || validation.isEmpty()) {
      return Result.NONE;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    List<List<Integer>> folds = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < order.size(); i++) {
      folds.get(i % 2).add(order.get(i));
    }
    List<CompletableFuture<Fold>> trained = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      List<Integer> held = folds.get(f);
      List<Curation.Example> fit = folds.get(1 - f).stream().map(labelled::get).toList();
      trained.add(
          CompletableFuture.supplyAsync(
              () -> fold(fit, held, labelled, validation, labels), executor));
    }
    List<Fold> done = trained.stream().map(TrainingPipeline::joined).toList();
    Map<Integer, Map<String, Double>> out = new HashMap<>();
    int right = 0;
    List<Map<String, Double>> validationScores = new ArrayList<>();
    for (Fold fold : done) {
      out.putAll(fold.probabilities());
      right += fold.right();
      validationScores.addAll(fold.validationScores());
    }
    return new Result(
        out,
        done.get(0).student(),
        right / (2.0 * validation.size()),
        List.copyOf(validationScores));
  }

  private record Fold(
      StudentRouter student,
      Map<Integer, Map<String, Double>> probabilities,
      int right,
      List<Map<String, Double>> validationScores) {}

  /** One fold's student, trained on {@code fit}, and its opinion of the {@code held} examples. */
  private static Fold fold(
      List<Curation.Example> fit,
      List<Integer> held,
      List<Curation.Example> labelled,
      List<Curation.Example> validation,
      List<String> labels) {
    StudentRouter student =
        StudentRecipe.train(
                StudentRecipe.NGRAM,
                "out-of-fold",
                fit,
                validation,
                labels,
                null,
                StudentRecipe.PATIENCE,
                // the judge's evidence, compared with the teacher on every deployment alike
                io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE,
                null, // an n-gram student routes the text and never embeds it
                p -> {})
            .router();
    Map<Integer, Map<String, Double>> probabilities = new HashMap<>();
    for (int i : held) {
      probabilities.put(i, student.route(labelled.get(i).text()).scores());
    }
    int right = 0;
    List<Map<String, Double>> validationScores = new ArrayList<>();
    for (Curation.Example e : validation) {
      var decision = student.route(e.text());
      right += StudentRouter.label(decision).equals(e.label()) ? 1 : 0;
      validationScores.add(decision.scores());
    }
    return new Fold(student, probabilities, right, validationScores);
  }
}
