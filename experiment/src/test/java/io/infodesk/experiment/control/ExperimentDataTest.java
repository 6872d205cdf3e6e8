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

  @Test
  void rowsWithoutASplitAreTrainingRows() throws IOException {
    Path f = dir.resolve("unsplit.jsonl");
    List<String> lines = new ArrayList<>();
    for (String label : List.of("billing", "travel")) {
      for (int i = 0; i < 50; i++) {
        lines.add(String.format("{\"text\": \"%s row %d\", \"label\": \"%s\"}", label, i, label));
      }
    }
    Files.write(f, lines);
    ExperimentData d = ExperimentData.read(f, null);
    assertThat(d.train().size() + d.validation().size() + d.test().size()).isEqualTo(100);
    assertThat(d.test()).hasSize(20);
    assertThat(d.splits()).startsWith("carved");
  }

  @Test
  void csvAndTsvFilesWithAHeaderAreRead() throws IOException {
    Path csv = dir.resolve("banking.csv");
    List<String> lines = new ArrayList<>();
    lines.add("text,category");
    for (String label : List.of("card_arrival", "exchange_rate")) {
      for (int i = 0; i < 30; i++) {
        lines.add(String.format("\"When, exactly, does %s %d happen?\",%s", label, i, label));
      }
    }
    Files.write(csv, lines);
    ExperimentData d = ExperimentData.read(csv, null);
    assertThat(d.domains()).containsExactly("card_arrival", "exchange_rate");
    assertThat(d.train().size() + d.validation().size() + d.test().size()).isEqualTo(60);
    assertThat(texts(d.test()).iterator().next()).startsWith("When, exactly, does ");

    Path tsv = dir.resolve("snips.tsv");
    List<String> rows = new ArrayList<>();
    rows.add("intent\tsplit\tquery");
    for (String split : List.of("train", "dev", "test")) {
      for (String label : List.of("PlayMusic", "GetWeather")) {
        for (int i = 0; i < 10; i++) {
          rows.add(label + "\t" + split + "\t" + label + " please, " + split + " " + i);
        }
      }
    }
    Files.write(tsv, rows);
    ExperimentData t = ExperimentData.read(tsv, null);
    assertThat(t.train()).hasSize(20);
    assertThat(t.validation()).hasSize(20);
    assertThat(t.test()).hasSize(20);
    assertThat(t.splits()).isEqualTo("as given");

    Path headless = dir.resolve("headless.csv");
    Files.write(headless, List.of("hello there,greeting", "bye,farewell"));
    assertThatThrownBy(() -> ExperimentData.read(headless, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header");
  }
}
