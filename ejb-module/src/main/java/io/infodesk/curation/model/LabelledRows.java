package io.infodesk.curation.model;

import io.infodesk.platform.control.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
 * Labelled questions as people export them: JSON Lines, or CSV or TSV with a header row, with the
 * text and the label under any of the names that intent datasets and ticket exports use, in UTF-8
 * with or without a spreadsheet's byte order mark. Read by the server's dataset import and by the
 * experiment.
 */
public final class LabelledRows {

  /** Where a row's text may be, first found first. */
  public static final List<String> TEXT_FIELDS =
      List.of("text", "utterance", "sentence", "query", "question", "utt");

  /**
   * Where a row's label may be, first found first: a Hugging Face export's name of its numbered
   * label before the number; CLINC150's flat file: its domain.
   */
  public static final List<String> LABEL_FIELDS =
      List.of("label_text", "label", "domain", "intent", "category");

  /** Where a row's split may be (Amazon MASSIVE: its partition). */
  public static final List<String> SPLIT_FIELDS = List.of("split", "partition");

  /** How the rows are written. */
  public enum Format {
    JSONL,
    CSV,
    /** Tab-separated without quoting (IANA's text/tab-separated-values has none). */
    TSV;

    /** By the file's name: {@code .csv}, {@code .tsv}, anything else JSON Lines. */
    public static Format ofFileName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      return n.endsWith(".csv") ? CSV : n.endsWith(".tsv") ? TSV : JSONL;
    }

    /** By a request's media type (parameters ignored): CSV, TSV, anything else JSON Lines. */
    public static Format ofMediaType(String mediaType) {
      String m = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
      return m.startsWith("text/csv")
          ? CSV
          : m.startsWith("text/tab-separated-values") ? TSV : JSONL;
    }
  }

  /** One row: its fields by name (numbers as their text), and the line it starts on. */
  public record Row(int lineNo, Map<String, String> fields) {

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
    BufferedReader in =
        source instanceof BufferedReader b ? b : new BufferedReader(source, 64 * 1024);
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    return switch (format) {
      case JSONL -> jsonLines(in);
      case CSV -> delimited(in, CSVFormat.RFC4180);
      // a question may start with a quotation mark that closes nowhere
      case TSV -> delimited(in, CSVFormat.TDF.builder().setQuote(null).get());
    };
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
      Map<String, String> fields = new HashMap<>();
      o.forEach(
          (key, v) -> {
            // labels are often numbers
            if (v instanceof JsonString string) {
              fields.put(key, string.getString());
            } else if (v instanceof JsonNumber number) {
              fields.put(key, number.toString());
            }
          });
      out.add(new Row(lineNo, fields));
    }
    return out;
  }

  private static List<Row> delimited(BufferedReader in, CSVFormat format) throws IOException {
    List<Row> out = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(in)
            .setFormat(
                format
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get())
            .get()) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      boolean named =
          header.stream().anyMatch(TEXT_FIELDS::contains)
              && header.stream().anyMatch(LABEL_FIELDS::contains);
      if (!named) {
        throw new IllegalArgumentException(
            "the first row must be a header naming a text column ("
                + String.join(", ", TEXT_FIELDS)
                + ") and a label column ("
                + String.join(", ", LABEL_FIELDS)
                + "); it is "
                + header);
      }
      for (CSVRecord record : parser) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          fields.put(header.get(i), record.get(i));
        }
        out.add(new Row((int) record.getRecordNumber() + 1, fields));
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
