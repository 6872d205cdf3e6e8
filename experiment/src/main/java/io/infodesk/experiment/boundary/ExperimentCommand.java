package io.infodesk.experiment.boundary;

import io.infodesk.curation.model.LabelledRows;
import io.infodesk.experiment.control.ExperimentData;
import io.infodesk.experiment.control.ExperimentReport;
import io.infodesk.experiment.control.FlywheelExperiment;
import io.infodesk.platform.control.MiniLmEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flywheel experiment from the command line, without the server:
 *
 * <pre>
 * mvn -q -pl experiment -am -Pexperiment package [-Dexperiment.args="--k 20 --out target/x"]
 * </pre>
 *
 * Options: {@code --data FILE} (JSONL of text, label, split, a JSON document, or CSV or TSV with a
 * header; default ../shared/data/clinc150/clinc150_flat.jsonl; given again for a dataset that comes
 * as a file per split, whose rows without a split are in the split the file's name names; a folder
 * stands for its data files), {@code --columns A,B} (the column names of CSV or TSV files without a
 * header row, in order, as {@code label,text}), {@code --oos-label L} (the file's out-of-scope
 * label; default oos), {@code --k N}, {@code --down-when-right P}, {@code --up-when-wrong P},
 * {@code --sme-error P}, {@code --judge-sample P}, {@code --seed N}, {@code --cycles N} (default
 * 6), {@code --review-budget P} (SME reviews per cycle as a share of its questions, default 5%),
 * {@code --oos-share P} (the share of the traffic out of scope that the students' decline
 * thresholds are tuned for and the best passing candidate is chosen by, default 20%, as the
 * server's {@code infodesk.training.out-of-scope-share}), {@code --max-accuracy-drop P} (how far
 * below the live router's accuracy a candidate may be, beyond the noise of the validation split;
 * default 1%, as the server's {@code infodesk.gates.max-accuracy-drop}), {@code --out DIR} (where
 * experiment.md, experiment.json and learning-curve.png go; default target/experiment).
 */
public final class ExperimentCommand {

  private ExperimentCommand() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    List<String> files;
    List<String> columns;
    try {
      Map<String, List<String>> given = parse(args);
      given.forEach((name, values) -> options.put(name, values.get(values.size() - 1)));
      files = given.getOrDefault("data", List.of("../shared/data/clinc150/clinc150_flat.jsonl"));
      columns = LabelledRows.columns(options.get("columns"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<Path> data = new java.util.ArrayList<>();
    for (String given : files) {
      List<Path> found = dataFiles(Path.of(given));
      if (found.isEmpty()) {
        System.err.println(
            "No data files (.jsonl, .ndjson, .json, .csv, .tsv) in "
                + Path.of(given).toAbsolutePath().normalize());
        System.exit(2);
      }
      data.addAll(found);
    }
    for (Path file : data) {
      if (!Files.isRegularFile(file)) {
        System.err.println(
            "No dataset at "
                + file.toAbsolutePath().normalize()
                + ": give --data FILE (JSONL of {text, label, split}, a JSON document, or CSV or"
                + " TSV with a header; once per file where the splits come apart) or put the"
                + " shared data next to the checkout");
        System.exit(2);
      }
    }
    FlywheelExperiment.Settings d = FlywheelExperiment.Settings.defaults();
    FlywheelExperiment.Settings settings =
        new FlywheelExperiment.Settings(
            Integer.parseInt(options.getOrDefault("k", String.valueOf(d.k()))),
            Double.parseDouble(
                options.getOrDefault("down-when-right", String.valueOf(d.downWhenRight()))),
            Double.parseDouble(
                options.getOrDefault("up-when-wrong", String.valueOf(d.upWhenWrong()))),
            Double.parseDouble(options.getOrDefault("sme-error", String.valueOf(d.smeError()))),
            Double.parseDouble(
                options.getOrDefault("judge-sample", String.valueOf(d.judgeSample()))),
            Long.parseLong(options.getOrDefault("seed", String.valueOf(d.seed()))),
            d.latencySample(),
            Integer.parseInt(options.getOrDefault("cycles", String.valueOf(d.cycles()))),
            share(
                "review-budget",
                options.getOrDefault("review-budget", (100 * d.reviewBudget()) + "%")),
            share(
                "oos-share", options.getOrDefault("oos-share", (100 * d.outOfScopeShare()) + "%")),
            share(
                "max-accuracy-drop",
                options.getOrDefault("max-accuracy-drop", String.valueOf(d.maxAccuracyDrop()))));
    Path out = Path.of(options.getOrDefault("out", "target/experiment"));
    String oos = options.getOrDefault("oos-label", "oos");
    ExperimentData dataset;
    try {
      dataset = ExperimentData.read(data, oos.equals("none") ? null : oos, columns);
    } catch (IOException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String name =
        files.stream()
            .map(f -> String.valueOf(Path.of(f).getFileName()))
            .collect(java.util.stream.Collectors.joining(" + "));
    ExperimentReport report = run(name, dataset, settings, out);
    System.out.println(report.toMarkdown());
    System.out.println(
        "Written: "
            + out.resolve("experiment.md")
            + ", "
            + out.resolve("experiment.json")
            + ", "
            + out.resolve(LearningCurve.FILE));
  }

  /** Runs the experiment and writes experiment.md and experiment.json into {@code out}. */
  public static ExperimentReport run(
      Path data, String oosLabel, FlywheelExperiment.Settings settings, Path out)
      throws IOException {
    return run(data.getFileName().toString(), ExperimentData.read(data, oosLabel), settings, out);
  }

  /**
   * @param name the data as the command was given it: its files' or folders' names
   */
  private static ExperimentReport run(
      String name, ExperimentData dataset, FlywheelExperiment.Settings settings, Path out)
      throws IOException {
    System.err.println(name + ": splits " + dataset.splits());
    Path models = Path.of(System.getProperty("java.io.tmpdir"), "infodesk-experiment-minilm");
    try (MiniLmEmbedder embedder =
        MiniLmEmbedder.load(models, Thread.currentThread().getContextClassLoader())) {
      dataset = dataset.readBy(embedder::unknownShare);
      FlywheelExperiment experiment =
          new FlywheelExperiment(
              embedder::embedAll,
              line ->
                  System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line));
      ExperimentReport report = experiment.run(name, dataset, settings);
      Files.createDirectories(out);
      Files.writeString(out.resolve("experiment.md"), report.toMarkdown());
      Files.writeString(out.resolve("experiment.json"), report.toJson());
      LearningCurve.write(report, out.resolve(LearningCurve.FILE));
      return report;
    }
  }

  /**
   * The files of {@code --data}: the file itself, or a folder's data files ({@code .jsonl}, {@code
   * .ndjson}, {@code .json}, {@code .csv}, {@code .tsv}) in it and below, by path, as SNIPS ships a
   * folder of two files per intent.
   */
  static List<Path> dataFiles(Path given) throws IOException {
    if (!Files.isDirectory(given)) {
      return List.of(given);
    }
    try (var walk = Files.walk(given)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches("(?i).+\\.(jsonl|ndjson|json|csv|tsv)"))
          .sorted()
          .toList();
    }
  }

  /** A share of the questions: "5%" or 0.05. */
  static double share(String option, String value) {
    String v = value.strip();
    double share =
        v.endsWith("%")
            ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
            : Double.parseDouble(v);
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("--" + option + " must be between 0% and 100%");
    }
    return share;
  }

  /** Each option's values in the order given; only {@code --data} is used more than once. */
  static Map<String, List<String>> parse(String[] args) {
    List<String> known =
        List.of(
            "data",
            "oos-label",
            "k",
            "down-when-right",
            "up-when-wrong",
            "sme-error",
            "judge-sample",
            "seed",
            "cycles",
            "review-budget",
            "oos-share",
            "max-accuracy-drop",
            "columns",
            "out");
    Map<String, List<String>> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].isBlank()) {
        continue;
      }
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Unknown or incomplete option '"
                + args[i]
                + "'; options: --"
                + String.join(" --", known));
      }
      options.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(args[++i]);
    }
    return options;
  }
}
