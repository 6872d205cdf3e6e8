package io.infodesk.experiment.control;

import io.infodesk.curation.model.Curation;
import io.infodesk.routing.entity.RouteLabels;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A labelled routing dataset read from JSONL, one {@code {"text", "label", "split"}} object per
 * line (CLINC150's flat file, with {@code domain} as the label and {@code oos_} split prefixes, is
 * read as is). The out-of-scope label, if the file has one, becomes InfoDesk's {@code oos}. A
 * domain's description is its name and, where the rows carry them, its intents' names.
 *
 * <p>A file without a validation split (many intent datasets have none) gets {@link
 * #CARVED_VALIDATION} of each label's training rows as one, and a file without a test split {@link
 * #CARVED_TEST} of them as that, drawn the same way each time; {@link #splits()} says what was
 * carved.
 */
public record ExperimentData(
    List<Row> train,
    List<Row> validation,
    List<Row> test,
    Map<String, String> descriptions,
    String splits) {

  /**
   * The share of each label's training rows that becomes the validation split when none is given.
   */
  public static final double CARVED_VALIDATION = 0.10;

  /** The share of each label's training rows that becomes the test split when none is given. */
  public static final double CARVED_TEST = 0.20;

  /** The carved splits' seed: the same rows each time. */
  static final long SPLIT_SEED = 42;

  /** One utterance and its gold label ({@code oos} for out of scope). */
  public record Row(String text, String label) {}

  /** The domains, without out-of-scope, sorted. */
  public List<String> domains() {
    return new ArrayList<>(descriptions.keySet());
  }

  /**
   * @param file JSONL rows
   * @param oosLabel the file's label for out-of-scope, or null when it has none
   */
  public static ExperimentData read(Path file, String oosLabel) throws IOException {
    List<Row> train = new ArrayList<>();
    List<Row> validation = new ArrayList<>();
    List<Row> test = new ArrayList<>();
    Map<String, Set<String>> intents = new TreeMap<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(line))) {
          o = reader.readObject();
        } catch (RuntimeException e) {
          throw new IOException(file + " line " + lineNo + " is not a JSON object");
        }
        String text = field(o, TEXT_FIELDS).strip();
        String label = field(o, LABEL_FIELDS).strip();
        String split = field(o, "split").strip();
        if (text.isEmpty() || label.isEmpty() || split.isEmpty()) {
          throw new IOException(file + " line " + lineNo + " needs text, label and split");
        }
        if (split.startsWith("oos_")) {
          split = split.substring(4);
        }
        boolean oos = label.equals(oosLabel) || label.equals(RouteLabels.OOS);
        if (oos) {
          label = RouteLabels.OOS;
        } else {
          Set<String> names = intents.computeIfAbsent(label, k -> new LinkedHashSet<>());
          String intent = o.getString("intent", "");
          if (!intent.isEmpty() && !intent.equals(label)) {
            names.add(intent.replace('_', ' '));
          }
        }
        Row row = new Row(text, label);
        switch (split) {
          case "train" -> train.add(row);
          case "val", "validation", "dev" -> validation.add(row);
          case "test" -> test.add(row);
          default ->
              throw new IOException(
                  file + " line " + lineNo + " has the unknown split '" + split + "'");
        }
      }
    }
    if (train.isEmpty()) {
      throw new IOException(file + " needs rows in the train split");
    }
    List<String> carved = new ArrayList<>();
    if (test.isEmpty() || validation.isEmpty()) {
      boolean carveTest = test.isEmpty();
      boolean carveValidation = validation.isEmpty();
      // the flywheel's own per-label split (Curation.stratified): the test share first, then the
      // validation share of what is left, so that each is its share of the label's train rows
      Map<Curation.Example, Row> rows = new IdentityHashMap<>();
      List<Curation.Example> rest = new ArrayList<>();
      for (Row r : train) {
        Curation.Example e = new Curation.Example(r.text(), r.label(), null);
        rows.put(e, r);
        rest.add(e);
      }
      if (carveTest) {
        Curation.Split split = Curation.stratified(rest, CARVED_TEST, SPLIT_SEED);
        split.eval().forEach(e -> test.add(rows.get(e)));
        rest = split.train();
      }
      if (carveValidation) {
        Curation.Split split =
            Curation.stratified(
                rest, CARVED_VALIDATION / (1 - (carveTest ? CARVED_TEST : 0)), SPLIT_SEED);
        split.eval().forEach(e -> validation.add(rows.get(e)));
        rest = split.train();
      }
      train = rest.stream().map(rows::get).toList();
      if (carveTest) {
        carved.add(
            Math.round(100 * CARVED_TEST) + "% of each label's train rows as the test split");
      }
      if (carveValidation) {
        carved.add(
            Math.round(100 * CARVED_VALIDATION)
                + "% of each label's train rows as the validation split");
      }
      if (train.isEmpty() || validation.isEmpty() || test.isEmpty()) {
        throw new IOException(file + " has too few train rows to carve the missing splits from");
      }
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    intents.forEach(
        (domain, names) ->
            descriptions.put(
                domain,
                domain.replace('_', ' ')
                    + (names.isEmpty() ? "" : ": " + String.join(", ", names))));
    return new ExperimentData(
        train,
        validation,
        test,
        descriptions,
        carved.isEmpty() ? "as given" : "carved " + String.join(" and ", carved));
  }

  /** Where a row's text may be, first found first. */
  static final String[] TEXT_FIELDS = {"text", "utterance", "sentence", "query", "question"};

  /** Where a row's label may be, first found first (CLINC150's flat file: its domain). */
  static final String[] LABEL_FIELDS = {"label", "domain", "intent", "category"};

  /** The first of {@code names} the row has, a string or a number (labels are often numbers). */
  private static String field(JsonObject o, String... names) {
    for (String name : names) {
      JsonValue v = o.get(name);
      if (v instanceof JsonString string) {
        return string.getString();
      }
      if (v instanceof JsonNumber number) {
        return number.toString();
      }
    }
    return "";
  }
}
