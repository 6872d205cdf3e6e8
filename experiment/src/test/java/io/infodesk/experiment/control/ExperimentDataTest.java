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
  void dataMiniLmCannotReadIsPointedOutInTheReportsFirstLine() throws IOException {
    ExperimentData d = ExperimentData.read(file("train", "val", "test"), "none");
    List<Integer> asked = new java.util.ArrayList<>();
    ExperimentData unread =
        d.readBy(
            texts -> {
              asked.add(texts.size());
              return 0.62;
            });
    assertThat(asked).containsExactly(120);
    assertThat(unread.splits())
        .startsWith("as given; MiniLM's vocabulary does not know 62% of the word pieces")
        .contains("the n-gram student reads any script");
    assertThat(unread.train()).isEqualTo(d.train());
    assertThat(d.readBy(texts -> 0.05)).as("English").isSameAs(d);
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
  void aFileTooSmallForThePromotionGateIsRefusedBeforeAnythingRuns() throws IOException {
    Path f = dir.resolve("tiny.jsonl");
    List<String> lines = new ArrayList<>();
    for (String label : List.of("timer", "translate", "transfer")) {
      for (int i = 0; i < 12; i++) {
        lines.add(String.format("{\"text\": \"%s row %d\", \"label\": \"%s\"}", label, i, label));
      }
    }
    Files.write(f, lines);
    assertThatThrownBy(() -> ExperimentData.read(f, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("3 validation rows")
        .hasMessageContaining("at least 4");
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
  void aByteOrderMarkAndWindowsLineEndsAreNotPartOfTheData() throws IOException {
    // spreadsheets save "CSV UTF-8" with a byte order mark, and some JSONL writers do too
    Path csv = dir.resolve("excel.csv");
    StringBuilder rows = new StringBuilder("\uFEFFsentence,label\r\n");
    for (String label : List.of("card_arrival", "exchange_rate")) {
      for (int i = 0; i < 30; i++) {
        rows.append(String.format("\"Where, exactly, is %s %d?\",%s\r\n", label, i, label));
      }
    }
    Files.writeString(csv, rows);
    ExperimentData d = ExperimentData.read(csv, null);
    assertThat(d.domains()).containsExactly("card_arrival", "exchange_rate");

    Path jsonl = dir.resolve("bom.jsonl");
    StringBuilder lines = new StringBuilder("\uFEFF");
    for (String label : List.of("billing", "travel")) {
      for (int i = 0; i < 30; i++) {
        lines.append(
            String.format("{\"text\": \"%s row %d\", \"label\": \"%s\"}\r\n", label, i, label));
      }
    }
    Files.writeString(jsonl, lines);
    assertThat(ExperimentData.read(jsonl, null).domains()).containsExactly("billing", "travel");
  }

  @Test
  void massiveAndHuggingFaceFieldNamesAreRead() throws IOException {
    // Amazon MASSIVE: "utt" and "partition"; Hugging Face exports: a number and its "label_text"
    Path f = dir.resolve("massive.jsonl");
    List<String> lines = new ArrayList<>();
    for (String partition : List.of("train", "dev", "test")) {
      for (String intent : List.of("alarm_set", "weather_query")) {
        for (int i = 0; i < 4; i++) {
          lines.add(
              String.format(
                  "{\"partition\": \"%s\", \"scenario\": \"%s\", \"intent\": \"%s\","
                      + " \"utt\": \"%s please %d\"}",
                  partition, intent.split("_")[0], intent, intent, i));
        }
      }
    }
    Files.write(f, lines);
    ExperimentData d = ExperimentData.read(f, null);
    assertThat(d.train()).hasSize(8);
    assertThat(d.validation()).hasSize(8);
    assertThat(d.test()).hasSize(8);
    assertThat(d.domains()).containsExactly("alarm_set", "weather_query");

    Path hf = dir.resolve("banking77.jsonl");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(
          String.format(
              "{\"text\": \"card %d\", \"label\": 11, \"label_text\": \"card_arrival\"}", i));
      rows.add(
          String.format(
              "{\"text\": \"rate %d\", \"label\": 32, \"label_text\": \"exchange_rate\"}", i));
    }
    Files.write(hf, rows);
    ExperimentData b = ExperimentData.read(hf, null);
    assertThat(b.domains()).containsExactly("card_arrival", "exchange_rate");
    assertThat(b.descriptions()).containsEntry("card_arrival", "card arrival");
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

    // tab-separated files do not quote: a question may start with a quotation mark
    Path quoted = dir.resolve("quoted.tsv");
    List<String> questions = new ArrayList<>(List.of("text\tlabel"));
    for (int i = 0; i < 30; i++) {
      questions.add("\"can u set a timer " + i + "\ttimer");
      questions.add("say \"hello\" in french " + i + "\ttranslate");
    }
    Files.write(quoted, questions);
    assertThat(texts(ExperimentData.read(quoted, null).train())).contains("\"can u set a timer 0");

    Path headless = dir.resolve("headless.csv");
    Files.write(headless, List.of("hello there,greeting", "bye,farewell"));
    assertThatThrownBy(() -> ExperimentData.read(headless, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header")
        .hasMessageEndingWith(
            "give its columns' names in order with --columns (as --columns" + " label,text)");
  }

  @Test
  void hwu64sOwnFileIsReadAsItsAuthorsMeantIt() throws IOException {
    // NLU-Data-Home-Domain-Annotated-All.csv: semicolons, the prompt as "question", the person's
    // words as "answer" (some empty), an intent name shared by scenarios
    Path hwu = dir.resolve("NLU-Data-Home-Domain-Annotated-All.csv");
    List<String> lines = new ArrayList<>();
    lines.add(
        "userid;answerid;scenario;intent;status;answer_annotation;notes;suggested_entities;"
            + "answer_normalised;answer;question");
    int id = 0;
    for (String scenario : List.of("alarm", "calendar")) {
      for (String intent : List.of("set", "query")) {
        for (int i = 0; i < 30; i++) {
          String words = intent + " my " + scenario + " number " + i;
          lines.add(
              String.format(
                  "1;%d;%s;%s;;;;;%s;%s;what would you say to your assistant to %s?",
                  id++, scenario, intent, words, words, intent));
        }
      }
    }
    lines.add("1;999;alarm;set;IRR;;;;;;what would you say to your assistant to set?");
    Files.write(hwu, lines);
    ExperimentData d = ExperimentData.read(hwu, null);
    assertThat(d.domains())
        .containsExactly("alarm_query", "alarm_set", "calendar_query", "calendar_set");
    assertThat(d.train().size() + d.validation().size() + d.test().size()).isEqualTo(120);
    assertThat(texts(d.train())).allMatch(t -> t.contains(" my ") && !t.startsWith("what would"));
    assertThat(d.splits()).contains("1 row without a text or a label left out");
  }

  @Test
  void aFileWithoutAHeaderRowIsReadWithTheColumnsGiven() throws IOException {
    Path atis = dir.resolve("atis_intents_train.csv");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("atis_flight, i want to fly from boston to denver " + i);
      lines.add("atis_airfare, how much is a ticket to dallas " + i);
    }
    Files.write(atis, lines);

    ExperimentData d = ExperimentData.read(List.of(atis), null, List.of("label", "text"));

    assertThat(d.domains()).containsExactly("atis_airfare", "atis_flight");
    assertThat(d.train().size() + d.validation().size() + d.test().size())
        .as("the first row is a row")
        .isEqualTo(60);
    assertThat(texts(d.test())).allMatch(t -> t.startsWith("i want") || t.startsWith("how much"));
    assertThatThrownBy(() -> ExperimentData.read(List.of(atis), null, List.of("a", "b")))
        .hasMessageContaining("the column names must name a text column")
        .hasMessageContaining("they are [a, b]");
  }

  @Test
  void aDatasetThatComesAsAFilePerSplitIsReadWithTheSplitsItsFilesNamesName() throws IOException {
    Path train = dir.resolve("train.csv");
    Path test = dir.resolve("banking77-test.csv");
    for (Path f : List.of(train, test)) {
      List<String> lines = new ArrayList<>(List.of("text,category"));
      for (String label : List.of("card_arrival", "exchange_rate")) {
        for (int i = 0; i < (f == train ? 40 : 20); i++) {
          lines.add(String.format("%s %d of %s,%s", label, i, f.getFileName(), label));
        }
      }
      Files.write(f, lines);
    }

    ExperimentData d = ExperimentData.read(List.of(train, test), null);

    assertThat(d.test()).hasSize(40).allMatch(r -> r.text().endsWith("of banking77-test.csv"));
    assertThat(d.train()).hasSize(72).allMatch(r -> r.text().endsWith("of train.csv"));
    assertThat(d.validation()).hasSize(8).allMatch(r -> r.text().endsWith("of train.csv"));
    assertThat(d.splits())
        .isEqualTo("carved 10% of each label's train rows as the validation split");
    assertThat(ExperimentData.read(test, null).train())
        .as("one file alone is training rows, whatever its name")
        .isNotEmpty();
    assertThat(
            List.of("x_dev.jsonl", "valid.tsv", "snips-validation.json", "TEST.csv", "all.csv")
                .stream()
                .map(n -> ExperimentData.splitNamedBy(Path.of(n))))
        .containsExactly("val", "val", "val", "test", "train");
  }

  @Test
  void clinc150sOriginalJsonDocumentIsReadAsItsFlatFileIs() throws IOException {
    StringBuilder json = new StringBuilder("{");
    for (String split : List.of("train", "val", "test")) {
      json.append('"').append(split).append("\": [");
      for (int i = 0; i < 10; i++) {
        json.append(String.format("[\"move %d dollars %s\", \"transfer\"], ", i, split));
        json.append(String.format("[\"rain %d %s\", \"weather\"], ", i, split));
      }
      json.append(String.format("[\"sing %s\", \"oos\"]], ", split));
      json.append(String.format("\"oos_%s\": [[\"dance %s\", \"oos\"]]", split, split));
      json.append(split.equals("test") ? "}" : ", ");
    }
    Path f = dir.resolve("data_full.json");
    Files.writeString(f, json);

    ExperimentData d = ExperimentData.read(f, "oos");

    assertThat(d.splits()).isEqualTo("as given");
    assertThat(d.domains()).containsExactly("transfer", "weather");
    assertThat(d.train()).hasSize(22);
    assertThat(texts(d.test())).contains("rain 3 test", "sing test", "dance test");
    assertThat(d.validation()).filteredOn(r -> r.label().equals("oos")).hasSize(2);
  }

  @Test
  void aLabelNamedAsOutOfScopeWithoutTheOptionIsPointedOut() throws IOException {
    Path f = dir.resolve("hwu.csv");
    List<String> lines = new ArrayList<>(List.of("text,intent"));
    for (String label : List.of("alarm_set", "Out_Of_Scope")) {
      for (int i = 0; i < 30; i++) {
        lines.add(label + " question " + i + "," + label);
      }
    }
    Files.write(f, lines);

    assertThat(ExperimentData.read(f, "oos").splits())
        .endsWith(
            "; the label 'Out_Of_Scope' is routed as a domain of its own: give --oos-label"
                + " Out_Of_Scope where it means out of scope");
    ExperimentData named = ExperimentData.read(f, "Out_Of_Scope");
    assertThat(named.domains()).containsExactly("alarm_set");
    assertThat(named.splits()).doesNotContain("--oos-label");
    assertThat(ExperimentData.looksOutOfScope("alarm_set")).isFalse();
  }

  @Test
  void snipsBenchmarkFilesAreReadWithTheLabelFromTheirKeyAndTheTextFromTheirSegments()
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (String intent : List.of("PlayMusic", "GetWeather")) {
      for (String part : List.of("train_" + intent + "_full", "validate_" + intent)) {
        StringBuilder rows = new StringBuilder("{\"" + intent + "\": [");
        for (int i = 0; i < (part.startsWith("train") ? 30 : 5); i++) {
          rows.append(i == 0 ? "" : ", ")
              .append("{\"data\": [{\"text\": \"")
              .append(intent)
              .append(" for \"}, {\"text\": \"")
              .append(part)
              .append(" ")
              .append(i)
              .append("\", \"entity\": \"x\"}]}");
        }
        Path f = dir.resolve(part + ".json");
        Files.writeString(f, rows.append("]}"));
        files.add(f);
      }
    }

    ExperimentData d = ExperimentData.read(files, null);

    assertThat(d.domains()).containsExactly("GetWeather", "PlayMusic");
    assertThat(d.validation()).hasSize(10).allMatch(r -> r.text().contains(" for validate_"));
    assertThat(texts(d.test())).allMatch(t -> t.matches("(PlayMusic|GetWeather) for train_.*"));
    assertThat(d.train().size() + d.test().size()).isEqualTo(60);
    assertThat(d.splits()).isEqualTo("carved 20% of each label's train rows as the test split");
  }
}
