package io.infodesk.experiment.control;

import io.infodesk.curation.model.Curation;
import io.infodesk.curation.model.LabelledRows;
import io.infodesk.flywheel.control.TrainingPipeline;
import io.infodesk.routing.entity.RouteLabels;
import java.io.IOException;
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
 * read as is), from a JSON document ({@link LabelledRows.Format#JSON}: CLINC150's original {@code
 * data_full.json} too), or from a CSV or TSV file whose header names the same columns; from one
 * file, or one per split. A row without a split is a training row, or, of several files, in the
 * split its file's name names. The out-of-scope label, if the file has one, becomes InfoDesk's
 * {@code oos}. A domain's description is its name and, where the rows carry them, its intents'
 * names.
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

  /** Whether any row of any split is out of scope. */
  public boolean hasOutOfScope() {
    return java.util.stream.Stream.of(train, validation, test)
        .flatMap(List::stream)
        .anyMatch(r -> r.label().equals(RouteLabels.OOS));
  }

  /** The domains, without out-of-scope, sorted. */
  public List<String> domains() {
    return new ArrayList<>(descriptions.keySet());
  }

  /**
   * @param file JSONL rows, a JSON document ({@code .json}), or a CSV ({@code .csv}) or TSV ({@code
   *     .tsv}) file whose header row names the columns with the same names
   * @param oosLabel the file's label for out-of-scope, or null when it has none
   */
  public static ExperimentData read(Path file, String oosLabel) throws IOException {
    return read(List.of(file), oosLabel);
  }

  /**
   * The rows of one or more files, as datasets that ship a file per split come (BANKING77's {@code
   * train.csv} and {@code test.csv}): where more than one file is given, a row without a split is
   * in the split its file's name names ({@link #splitNamedBy}), or in train.
   */
  public static ExperimentData read(List<Path> files, String oosLabel) throws IOException {
    return read(files, oosLabel, null);
  }

  /**
   * @param columns the column names of CSV or TSV files without a header row, in order (ATIS's:
   *     {@code label, text}); null where each file's first row is its header
   */
  public static ExperimentData read(List<Path> files, String oosLabel, List<String> columns)
      throws IOException {
    List<Row> train = new ArrayList<>();
    List<Row> validation = new ArrayList<>();
    List<Row> test = new ArrayList<>();
    Map<String, Set<String>> intents = new TreeMap<>();
    int blank = 0;
    for (Path file : files) {
      String named = files.size() > 1 ? splitNamedBy(file) : "train";
      List<LabelledRows.Row> records;
      try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        records =
            LabelledRows.read(
                in, LabelledRows.Format.ofFileName(file.getFileName().toString()), columns);
      } catch (IllegalArgumentException e) {
        boolean headless = e.getMessage().startsWith(LabelledRows.HEADER_NEEDED);
        throw new IOException(
            file
                + ": "
                + e.getMessage()
                + (headless
                    ? "; for a file without a header row, give its columns' names in order with"
                        + " --columns (as --columns label,text)"
                    : ""),
            e);
      }
      for (LabelledRows.Row r : records) {
        String where = file + " " + r.place();
        String text = r.text().strip();
        String label = r.label().strip();
        // a row without a split is a training row, or in its file's (the missing splits are
        // carved from the training rows)
        String split = r.split().strip();
        if (split.isEmpty()) {
          split = named;
        }
        // a public dataset has rows nobody filled in (HWU64's file: some answers are empty);
        // they are left out and counted in the report
        if (text.isEmpty() || label.isEmpty()) {
          blank++;
          continue;
        }
        boolean oos = label.equals(oosLabel) || label.equals(RouteLabels.OOS);
        if (oos) {
          label = RouteLabels.OOS;
        } else {
          Set<String> names = intents.computeIfAbsent(label, k -> new LinkedHashSet<>());
          String intent = r.first(List.of("intent"));
          if (!intent.isEmpty() && !intent.equals(label)) {
            names.add(intent.replace('_', ' '));
          }
        }
        Row row = new Row(text, label);
        String which = LabelledRows.splitNamed(split);
        if (which == null) {
          throw new IOException(where + " has the unknown split '" + split + "'");
        }
        (which.equals("train") ? train : which.equals("val") ? validation : test).add(row);
      }
    }
    String source =
        files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" + "));
    if (train.isEmpty()) {
      throw new IOException(source + " needs rows in the train split");
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
        throw new IOException(source + " has too few train rows to carve the missing splits from");
      }
    }
    if (validation.size() < TrainingPipeline.MIN_GATE_SET) {
      throw new IOException(
          source
              + " has "
              + validation.size()
              + " validation rows ("
              + (carved.isEmpty() ? "as given" : "carved")
              + "); the promotion gate needs at least "
              + TrainingPipeline.MIN_GATE_SET
              + ": give it more rows, or a validation split");
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    intents.forEach(
        (domain, names) ->
            descriptions.put(
                domain,
                domain.replace('_', ' ')
                    + (names.isEmpty() ? "" : ": " + String.join(", ", names))));
    String splits =
        (carved.isEmpty() ? "as given" : "carved " + String.join(" and ", carved))
            + (blank == 0
                ? ""
                : "; "
                    + blank
                    + (blank == 1 ? " row" : " rows")
                    + " without a text or a label left out");
    ExperimentData data = new ExperimentData(train, validation, test, descriptions, splits);
    if (data.hasOutOfScope()) {
      return data;
    }
    for (String label : descriptions.keySet()) {
      if (looksOutOfScope(label)) {
        splits +=
            "; the label '"
                + label
                + "' is routed as a domain of its own: give --oos-label "
                + label
                + " where it means out of scope";
        break;
      }
    }
    return new ExperimentData(train, validation, test, descriptions, splits);
  }

  /**
   * This data, its report's first line saying so where MiniLM's vocabulary does not know {@link
   * io.infodesk.platform.control.MiniLmEmbedder#UNREADABLE} or more of the word pieces of its
   * training rows (the first 2,000): the teacher and the MiniLM student read the questions through
   * MiniLM, the n-gram student reads any script.
   *
   * @param unknownShare the share of the texts' word pieces that MiniLM does not know
   */
  public ExperimentData readBy(java.util.function.ToDoubleFunction<List<String>> unknownShare) {
    List<String> texts = train.stream().limit(2000).map(Row::text).toList();
    double unknown = unknownShare.applyAsDouble(texts);
    if (unknown < io.infodesk.platform.control.MiniLmEmbedder.UNREADABLE) {
      return this;
    }
    return new ExperimentData(
        train,
        validation,
        test,
        descriptions,
        splits
            + String.format(
                java.util.Locale.ROOT,
                "; MiniLM's vocabulary does not know %.0f%% of the word pieces of its questions, so"
                    + " the teacher and the MiniLM student, which read them through it, can barely"
                    + " tell them apart; the n-gram student reads any script",
                100 * unknown));
  }

  /** How datasets name their out-of-scope label, lower case and letters only. */
  private static final Set<String> OUT_OF_SCOPE_NAMES =
      Set.of(
          "oos",
          "outofscope",
          "outofdomain",
          "ood",
          "noneoftheabove",
          "nointent",
          "unknown",
          "fallback",
          "other",
          "none",
          "unsupported");

  /** Whether a label's name says out of scope, as some datasets name it ("out_of_scope", "OOD"). */
  static boolean looksOutOfScope(String label) {
    return OUT_OF_SCOPE_NAMES.contains(
        label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
  }

  /**
   * The split a file's name names, as a word of it ({@link LabelledRows#splitNamed}: {@code train},
   * {@code val}, {@code validate}, {@code dev}, {@code test}…); {@code train} where it names none.
   */
  static String splitNamedBy(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    for (String word : name.split("[^a-z]+")) {
      String split = LabelledRows.splitNamed(word);
      if (split != null) {
        return split;
      }
    }
    return "train";
  }
}
