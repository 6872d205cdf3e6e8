import io.infodesk.curation.model.Curation;
import io.infodesk.training.model.StudentRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the n-gram student once, as a flywheel cycle does (StudentRecipe, default epochs and
 * patience), on a tab-separated file of split, label and text, and prints how long it took.
 * Run by bench/ngram-train.sh.
 */
public class NgramTrainProbe {
  public static void main(String[] args) throws Exception {
    List<Curation.Example> train = new ArrayList<>();
    List<Curation.Example> validation = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t", 3);
      Curation.Example e = new Curation.Example(f[2], f[1], null);
      if (f[0].equals("val")) {
        validation.add(e);
      } else if (f[0].equals("train")) {
        train.add(e);
      }
    }
    List<String> labels =
        train.stream().map(Curation.Example::label).filter(l -> !l.equals(args[1])).distinct()
            .sorted().toList();
    for (int run = 1; run <= Integer.parseInt(args[2]); run++) {
      long start = System.nanoTime();
      StudentRecipe.Trained t =
          StudentRecipe.train(StudentRecipe.NGRAM, "probe", train, validation, labels, null,
              StudentRecipe.PATIENCE, io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE,
              q -> null, p -> {});
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("run %d: %d examples, %d labels, %d epochs, %.1f s (%.0f ms per epoch),"
              + " validation accuracy %.4f%n", run, train.size(), labels.size(),
          t.result().epochs(), seconds, 1000 * seconds / t.result().epochs(),
          t.result().validationAccuracy());
    }
  }
}
