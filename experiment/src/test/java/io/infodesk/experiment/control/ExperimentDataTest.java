package io.infodesk.experiment.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intent datasets come with the splits their authors chose: many have no validation split, some one
 * file of training rows. The experiment carves what is missing from the training rows, per label
 * and reproducibly, and says so.
 */
class ExperimentDataTest {

  @TempDir Path dir;

  Path file(String... splits) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String split : splits) {
      for (String label : List.of("billing", "travel", "none")) {
        int n = split.equals("train") ? 40 : 10;
        for (int i = 0; i < n; i++) {
          lines.add(
              String.format(
                  "{\"text\": \"%s question %d of %s\", \"label\": \"%s\", \"split\": \"%s\"}",
                  label, i, split, label, split));
        }
      }
    }
    Path f = dir.resolve("data.jsonl");
    Files.write(f, lines);
    return f;
  }

  static Set<String> texts(List<ExperimentData.Row> rows) {
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add(r.text()));
    return out;
  }

  @Test
  void givenSplitsAreKeptAsTheyAre() throws IOException {
    ExperimentData d = ExperimentData.read(file("train", "val", "test"), "none");
    assertThat(d.train()).hasSize(120);
    assertThat(d.validation()).hasSize(30);
    assertThat(d.test()).hasSize(30);
    assertThat(d.splits()).isEqualTo("as given");
  }

  @Test
  void aMissingValidationSplitIsCarvedFromEachLabelsTrainingRows() throws IOException {
    Path f = file("train", "test");
    ExperimentData d = ExperimentData.read(f, "none");
    assertThat(d.validation()).hasSize(12);
    assertThat(d.train()).hasSize(108);
    assertThat(d.test()).hasSize(30);
    for (String label : List.of("billing", "travel", "oos")) {
      assertThat(d.validation()).filteredOn(r -> r.label().equals(label)).hasSize(4);
    }
    assertThat(texts(d.validation())).doesNotContainAnyElementsOf(texts(d.train()));
    assertThat(d.splits()).contains("validation").contains("10%");
    assertThat(ExperimentData.read(f, "none").validation())
        .as("the same rows each time")
        .isEqualTo(d.validation());
  }

  @Test
  void aFileOfTrainingRowsOnlyGetsATestAndAValidationSplit() throws IOException {
    ExperimentData d = ExperimentData.read(file("train"), "none");
    assertThat(d.test()).hasSize(24);
    assertThat(d.validation()).hasSize(12);
    assertThat(d.train()).hasSize(84);
    assertThat(texts(d.test())).doesNotContainAnyElementsOf(texts(d.train()));
    assertThat(texts(d.test())).doesNotContainAnyElementsOf(texts(d.validation()));
    assertThat(d.splits()).contains("test").contains("validation");
  }

  @Test
  void aFileWithoutTrainingRowsIsRefused() throws IOException {
    Path f = file("val", "test");
    assertThatThrownBy(() -> ExperimentData.read(f, "none"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("train");
  }

  @Test
  void commonFieldNamesAndNumericLabelsAreRead() throws IOException {
    Path f = dir.resolve("numbers.jsonl");
    List<String> lines = new ArrayList<>();
    for (String split : List.of("train", "validation", "test")) {
      for (int label = 0; label < 3; label++) {
        lines.add(
            String.format(
                "{\"utterance\": \"question about %d in %s\", \"label\": %d, \"split\": \"%s\"}",
                label, split, label, split));
        lines.add(
            String.format(
                "{\"query\": \"another about %d in %s\", \"intent\": \"%d\", \"split\": \"%s\"}",
                label, split, label, split));
      }
    }
    Files.write(f, lines);
    ExperimentData d = ExperimentData.read(f, null);
    assertThat(d.train()).hasSize(6);
    assertThat(d.validation()).hasSize(6);
    assertThat(d.test()).hasSize(6);
    assertThat(d.domains()).containsExactly("0", "1", "2");
    assertThat(d.train())
        .extracting(ExperimentData.Row::text)
        .contains("question about 1 in train");
  }
}
