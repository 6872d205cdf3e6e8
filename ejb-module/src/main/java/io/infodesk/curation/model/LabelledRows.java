package io.infodesk.curation.model;

import io.infodesk.platform.control.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Labelled questions as people export them: JSON Lines, a JSON document, or CSV (comma- or, as some
 * spreadsheets save it, semicolon-separated) or TSV with a header row, with the text and the label
 * under any of the names that intent datasets and ticket exports use, in UTF-8 with or without a
 * spreadsheet's byte order mark. Read by the server's dataset import and by the experiment.
 */
public final class LabelledRows {

  /**
   * Where a row's text may be, first found first: Bitext's customer-support set has it as {@code
   * instruction} (and the agent's reply as {@code response}, no text); HWU64 writes the employee's
   * words as {@code answer} (to its assistant's prompt), so that name comes after every other.
   */
  public static final List<String> TEXT_FIELDS =
      List.of(
          "text",
          "utterance",
          "sentence",
          "query",
          "question",
          "utt",
          "instruction",
          "message",
          "answer");

  /**
   * Where a row's label may be, first found first: a Hugging Face export's name of its numbered
   * label before the number; CLINC150's flat file: its domain.
   */
  public static final List<String> LABEL_FIELDS =
      List.of(
          "label_text",
          "label_name",
          "label",
          "domain",
          "intent",
          "intent_name",
          "category",
          "class",
          "topic");

  /** Where a row's split may be (Amazon MASSIVE: its partition). */
  public static final List<String> SPLIT_FIELDS = List.of("split", "partition");

  /**
   * The split a name names, as datasets name theirs: {@code train} ({@code training}), {@code val}
   * ({@code valid}, {@code validation}, {@code validate}, {@code dev}) or {@code test} ({@code
   * testing}), with or without CLINC150's {@code oos_} prefix and in any case; null for any other
   * name.
   */
  public static String splitNamed(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    n = n.startsWith("oos_") ? n.substring(4) : n;
    return switch (n) {
      case "train", "training" -> "train";
      case "val", "valid", "validation", "validate", "dev" -> "val";
      case "test", "testing" -> "test";
      default -> null;
    };
  }

  /** How the rows are written. */
  public enum Format {
    JSONL,
    /**
     * One JSON document: an array of row objects, or an object whose keys name splits (each an
     * array of row objects or of {@code [text, label]} pairs, as CLINC150's {@code data_full.json})
     * or labels (each an array of texts, or of row objects as SNIPS's benchmark files, whose text
     * may be in {@code data} segments). JSON Lines saved under this name are read as such.
     */
    JSON,
    CSV,
    /** Tab-separated without quoting (IANA's text/tab-separated-values has none). */
    TSV;

    /** By the file's name: {@code .csv}, {@code .tsv}, {@code .json}, anything else JSON Lines. */
    public static Format ofFileName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      return n.endsWith(".csv")
          ? CSV
          : n.endsWith(".tsv") ? TSV : n.endsWith(".json") ? JSON : JSONL;
    }

    /**
     * By a request's media type (parameters ignored): CSV, TSV, {@code application/json}, anything
     * else JSON Lines.
     */
    public static Format ofMediaType(String mediaType) {
      String m = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
      return m.startsWith("text/csv")
          ? CSV
          : m.startsWith("text/tab-separated-values")
              ? TSV
              : m.startsWith("application/json") ? JSON : JSONL;
    }
  }

  /**
   * One row: where it is, for messages ("line 7", or "row 3 of train" in a JSON document), and its
   * fields by name (numbers as their text).
   */
  public record Row(String place, Map<String, String> fields) {

    /** The value of the first of {@code names} the row has, or "". */
    public String first(List<String> names) {
      for (String name : names) {
        String v = fields.get(name);
        if (v != null) {
          return v;
        }
      }
      return "";
    }

    public String text() {
      return first(TEXT_FIELDS);
    }

    public String label() {
      return first(LABEL_FIELDS);
    }

    public String split() {
      return first(SPLIT_FIELDS);
    }
  }

  private LabelledRows() {}

  /**
   * The rows, blank lines skipped.
   *
   * @throws IllegalArgumentException naming the line or the header that cannot be read
   */
  public static List<Row> read(Reader source, Format format) throws IOException {
    return read(source, format, null);
  }

  /**
   * The rows, blank lines skipped.
   *
   * @param columns for a CSV or TSV file without a header row (ATIS's, some SNIPS exports): its
   *     columns' names in order, as a header would name them; null where the first row is the
   *     header
   * @throws IllegalArgumentException naming the line or the header that cannot be read
   */
  public static List<Row> read(Reader source, Format format, List<String> columns)
      throws IOException {
    if (columns != null && (format == Format.JSONL || format == Format.JSON)) {
      throw new IllegalArgumentException("column names are for CSV or TSV without a header row");
    }
    BufferedReader in =
        source instanceof BufferedReader b ? b : new BufferedReader(source, 64 * 1024);
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    List<Row> rows =
        switch (format) {
          case JSONL -> jsonLines(in);
          case JSON -> jsonDocument(in);
          // a spreadsheet saves "CSV" with semicolons where the comma is the decimal separator
          case CSV ->
              delimited(in, CSVFormat.RFC4180.builder().setDelimiter(delimiter(in)).get(), columns);
          // a question may start with a quotation mark that closes nowhere
          case TSV -> delimited(in, CSVFormat.TDF.builder().setQuote(null).get(), columns);
        };
    return qualifiedIntents(wordedTexts(rows));
  }

  /**
   * The rows, their text from the file's text column with by far the most distinct values where it
   * has several: HWU64's own file has the crowd's prompt as {@code question} (a few hundred
   * prompts) and each person's words as {@code answer} (25,000), where a FAQ export's questions are
   * as many as its answers and stay its text.
   */
  private static List<Row> wordedTexts(List<Row> rows) {
    Map<String, java.util.Set<String>> distinct = new java.util.LinkedHashMap<>();
    for (String name : TEXT_FIELDS) {
      for (Row r : rows) {
        String v = r.fields().get(name);
        if (v != null && !v.isBlank()) {
          distinct.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(v);
        }
      }
    }
    if (distinct.size() < 2) {
      return rows;
    }
    String preferred = distinct.keySet().iterator().next();
    String most = preferred;
    for (var e : distinct.entrySet()) {
      if (e.getValue().size() > distinct.get(most).size()) {
        most = e.getKey();
      }
    }
    if (distinct.get(most).size() < 2 * distinct.get(preferred).size()) {
      return rows;
    }
    String chosen = most;
    return rows.stream()
        .map(
            r ->
                r.fields().containsKey(chosen)
                    ? with(r, TEXT_FIELDS.get(0), r.fields().get(chosen))
                    : r)
        .toList();
  }

  /**
   * The rows, an {@code intent} label qualified by its {@code scenario} where the file gives the
   * same intent name in several scenarios: HWU64's own file has {@code set} under {@code alarm} and
   * under {@code calendar}, and its 64 intents are {@code alarm_set}, {@code calendar_set}…; Amazon
   * MASSIVE's intents are already {@code alarm_set} and stay as they are.
   */
  private static List<Row> qualifiedIntents(List<Row> rows) {
    Map<String, java.util.Set<String>> scenarios = new HashMap<>();
    boolean[] qualifies = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String scenario = r.fields().get("scenario");
      qualifies[i] = scenario != null && "intent".equals(labelField(r));
      if (qualifies[i]) {
        // by the intent as the label is named: stray spaces make no other intent
        scenarios
            .computeIfAbsent(r.fields().get("intent").strip(), k -> new java.util.HashSet<>())
            .add(scenario.strip());
      }
    }
    if (scenarios.values().stream().noneMatch(s -> s.size() > 1)) {
      return rows;
    }
    return java.util.stream.IntStream.range(0, rows.size())
        .mapToObj(
            i -> {
              Row r = rows.get(i);
              if (!qualifies[i]) {
                return r;
              }
              String qualified =
                  r.fields().get("scenario").strip() + "_" + r.fields().get("intent").strip();
              return with(with(r, LABEL_FIELDS.get(0), qualified), "intent", qualified);
            })
        .toList();
  }

  /** The name of the row's label field, or null. */
  private static String labelField(Row r) {
    return LABEL_FIELDS.stream().filter(r.fields()::containsKey).findFirst().orElse(null);
  }

  private static Row with(Row r, String name, String value) {
    Map<String, String> fields = new HashMap<>(r.fields());
    fields.put(name, value);
    return new Row(r.place(), fields);
  }

  /** How much of a CSV's start is read to find its delimiter. */
  private static final int SNIFFED = 64 * 1024;

  /**
   * The CSV's delimiter, from its header row (or as much of it as its first 64 KiB hold): a
   * semicolon where the header has more semicolons than commas outside quotes, else a comma. The
   * reader is left where it was.
   */
  private static char delimiter(BufferedReader in) throws IOException {
    char[] start = new char[SNIFFED];
    in.mark(SNIFFED);
    int length = 0;
    for (int n; length < SNIFFED && (n = in.read(start, length, SNIFFED - length)) > 0; ) {
      length += n;
    }
    in.reset();
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < length && start[i] != '\n' && start[i] != '\r'; i++) {
      char c = start[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static List<Row> jsonLines(BufferedReader in) throws IOException {
    List<Row> out = new ArrayList<>();
    int lineNo = 0;
    for (String line; (line = in.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonObject o;
      try (var reader = Jsons.JSON.createReader(new StringReader(line))) {
        o = reader.readObject();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + lineNo + " is not a JSON object");
      }
      out.add(new Row("line " + lineNo, fields(o)));
    }
    return out;
  }

  /** An object's string and number fields (labels are often numbers). */
  private static Map<String, String> fields(JsonObject o) {
    Map<String, String> fields = new HashMap<>();
    o.forEach(
        (key, v) -> {
          String value = scalar(v);
          if (value != null) {
            fields.put(key, value);
          }
        });
    return fields;
  }

  private static String scalar(JsonValue v) {
    return v instanceof JsonString string
        ? string.getString()
        : v instanceof JsonNumber number ? number.toString() : null;
  }

  private static List<Row> jsonDocument(BufferedReader in) throws IOException {
    java.io.StringWriter all = new java.io.StringWriter();
    in.transferTo(all);
    String text = all.toString();
    JsonValue document;
    try (JsonParser parser = Jsons.JSON.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        return List.of();
      }
      parser.next();
      document = parser.getValue();
      // throws where more follows the first value
      parser.hasNext();
    } catch (JsonParsingException e) {
      if (firstLineIsAnObject(text)) {
        // JSON Lines saved as .json, as many exports do
        return jsonLines(new BufferedReader(new StringReader(text)));
      }
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          "not a JSON document (line "
              + at.getLineNumber()
              + ", column "
              + at.getColumnNumber()
              + "): "
              + e.getMessage());
    } catch (RuntimeException e) {
      // Parsson's own limits, as nesting deeper than 1,000
      throw new IllegalArgumentException("not a JSON document of rows: " + e.getMessage());
    }
    List<Row> out = new ArrayList<>();
    if (document instanceof JsonArray rows) {
      for (int i = 0; i < rows.size(); i++) {
        out.add(documentRow(rows.get(i), "row " + (i + 1), null));
      }
      return out;
    }
    if (!(document instanceof JsonObject groups)) {
      throw new IllegalArgumentException("a JSON document of rows must be an array or an object");
    }
    if (groups.isEmpty() || !groups.values().stream().allMatch(JsonArray.class::isInstance)) {
      // a single row
      return List.of(new Row("row 1", fields(groups)));
    }
    groups.forEach(
        (key, group) -> {
          JsonArray rows = group.asJsonArray();
          for (int i = 0; i < rows.size(); i++) {
            out.add(documentRow(rows.get(i), "row " + (i + 1) + " of " + key, key));
          }
        });
    return out;
  }

  private static boolean firstLineIsAnObject(String text) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    try (var reader = Jsons.JSON.createReader(new StringReader(first))) {
      reader.readObject();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A row of a JSON document: an object, a {@code [text, label]} pair, or a text under a key that
   * is its label.
   *
   * @param key the key of the array it is in: the rows' split where it names one ({@link
   *     #splitNamed}), else their label; null for a top-level array
   */
  private static Row documentRow(JsonValue v, String place, String key) {
    boolean keyIsSplit = key != null && splitNamed(key) != null;
    Map<String, String> fields;
    if (v instanceof JsonObject o) {
      fields = fields(o);
      Row row = new Row(place, fields);
      if (row.text().isEmpty() && o.get("data") instanceof JsonArray segments) {
        // SNIPS's benchmark files: the text in segments, some of them entities
        StringBuilder text = new StringBuilder();
        segments.stream()
            .filter(JsonObject.class::isInstance)
            .map(segment -> scalar(segment.asJsonObject().get("text")))
            .filter(java.util.Objects::nonNull)
            .forEach(text::append);
        fields.put("text", text.toString());
      }
      if (keyIsSplit) {
        fields.putIfAbsent("split", key);
      } else if (key != null && row.label().isEmpty()) {
        // SNIPS's benchmark files again: {"PlayMusic": [rows]}
        fields.put("label", key);
      }
    } else if (v instanceof JsonArray pair
        && pair.size() >= 2
        && scalar(pair.get(0)) != null
        && scalar(pair.get(1)) != null) {
      fields = new HashMap<>();
      fields.put("text", scalar(pair.get(0)));
      fields.put("label", scalar(pair.get(1)));
      if (keyIsSplit) {
        fields.put("split", key);
      }
    } else if (v instanceof JsonString string && key != null && !keyIsSplit) {
      fields = new HashMap<>();
      fields.put("text", string.getString());
      fields.put("label", key);
    } else {
      throw new IllegalArgumentException(
          place
              + " is neither an object, nor a [text, label] pair"
              + (key == null || keyIsSplit ? "" : ", nor a text of the label " + key));
    }
    return new Row(place, fields);
  }

  /** At most this many column names for a file without a header row. */
  public static final int MAX_COLUMNS = 64;

  /**
   * The column names of a CSV or TSV file without a header row, as a person gives them: separated
   * by commas, in order ({@code "label,text"}).
   *
   * @return null where {@code given} is null (the file's first row is its header)
   * @throws IllegalArgumentException where a name is empty, longer than 100 characters, or given
   *     twice, or there are more than {@link #MAX_COLUMNS}
   */
  public static List<String> columns(String given) {
    if (given == null) {
      return null;
    }
    List<String> names =
        java.util.Arrays.stream(given.split(",", -1))
            .map(n -> n.strip().toLowerCase(Locale.ROOT))
            .toList();
    if (names.size() > MAX_COLUMNS
        || names.stream().anyMatch(n -> n.isEmpty() || n.length() > 100)
        || new java.util.HashSet<>(names).size() < names.size()) {
      throw new IllegalArgumentException(
          "columns must be at most "
              + MAX_COLUMNS
              + " distinct names of 1-100 characters, separated by commas, in the file's order"
              + " (as label,text)");
    }
    return names;
  }

  /** The start of the message that refuses a header row without a text or a label column. */
  public static final String HEADER_NEEDED = "the first row must be a header naming";

  private static List<Row> delimited(BufferedReader in, CSVFormat format, List<String> columns)
      throws IOException {
    List<Row> out = new ArrayList<>();
    CSVFormat.Builder rows =
        format
            .builder()
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setSkipHeaderRecord(columns == null);
    if (columns == null) {
      rows.setHeader();
    } else {
      rows.setHeader(columns.toArray(String[]::new));
    }
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(rows.get()).get()) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      boolean named =
          header.stream().anyMatch(TEXT_FIELDS::contains)
              && header.stream().anyMatch(LABEL_FIELDS::contains);
      if (!named) {
        throw new IllegalArgumentException(
            (columns == null ? HEADER_NEEDED : "the column names must name")
                + " a text column ("
                + String.join(", ", TEXT_FIELDS)
                + ") and a label column ("
                + String.join(", ", LABEL_FIELDS)
                + "); "
                + (columns == null ? "it is " : "they are ")
                + header);
      }
      for (CSVRecord record : parser) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          fields.put(header.get(i), record.get(i));
        }
        long line = record.getRecordNumber() + (columns == null ? 1 : 0);
        out.add(new Row("line " + line, fields));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "not a readable "
              + (format.getDelimiterString().equals("\t") ? "TSV" : "CSV")
              + ": "
              + e.getMessage(),
          e);
    }
    return out;
  }
}
