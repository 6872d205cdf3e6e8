package io.infodesk.curation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledRowsTest {

  @Test
  void theFormatComesFromTheMediaTypeOrTheFileName() {
    assertThat(LabelledRows.Format.ofMediaType("text/csv; charset=UTF-8"))
        .isEqualTo(LabelledRows.Format.CSV);
    assertThat(LabelledRows.Format.ofMediaType("Text/Tab-Separated-Values"))
        .isEqualTo(LabelledRows.Format.TSV);
    assertThat(LabelledRows.Format.ofMediaType("application/x-ndjson"))
        .isEqualTo(LabelledRows.Format.JSONL);
    assertThat(LabelledRows.Format.ofMediaType(null)).isEqualTo(LabelledRows.Format.JSONL);
    assertThat(LabelledRows.Format.ofFileName("Tickets.CSV")).isEqualTo(LabelledRows.Format.CSV);
    assertThat(LabelledRows.Format.ofFileName("a.tsv")).isEqualTo(LabelledRows.Format.TSV);
    assertThat(LabelledRows.Format.ofFileName("a.jsonl")).isEqualTo(LabelledRows.Format.JSONL);
    assertThat(LabelledRows.Format.ofFileName("data_full.JSON"))
        .isEqualTo(LabelledRows.Format.JSON);
    assertThat(LabelledRows.Format.ofMediaType("application/json; charset=UTF-8"))
        .isEqualTo(LabelledRows.Format.JSON);
  }

  @Test
  void aJsonDocumentOfSplitsGivesEachPairItsSplitAsClinc150sOriginalFileDoes() throws Exception {
    List<LabelledRows.Row> rows =
        json(
            """
            {"train": [["how do i move money", "transfer"], ["hi", "greet"]],
             "oos_val": [["what is the meaning of life", "oos"]],
             "test": [{"text": "hello", "intent": "greet"}]}
            """);

    assertThat(rows)
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label, LabelledRows.Row::split)
        .containsExactly(
            tuple("how do i move money", "transfer", "train"),
            tuple("hi", "greet", "train"),
            tuple("what is the meaning of life", "oos", "oos_val"),
            tuple("hello", "greet", "test"));
    assertThat(rows.get(2).place()).isEqualTo("row 1 of oos_val");
  }

  @Test
  void aJsonDocumentMayBeAnArrayOfRowsOrTextsUnderTheirLabel() throws Exception {
    assertThat(json("[{\"utterance\": \"hi\", \"label\": 3}, [\"bye\", \"leave\"]]"))
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label, LabelledRows.Row::split)
        .containsExactly(tuple("hi", "3", ""), tuple("bye", "leave", ""));
    assertThat(json("{\"greet\": [\"hi\", \"hello\"], \"leave\": [\"bye\"]}"))
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label)
        .containsExactly(tuple("hi", "greet"), tuple("hello", "greet"), tuple("bye", "leave"));
  }

  @Test
  void jsonLinesSavedAsJsonAreReadAsJsonLines() throws Exception {
    assertThat(
            json(
                "{\"text\": \"hi\", \"label\": \"greet\"}\n{\"text\": \"bye\", \"label\": \"x\"}\n"))
        .extracting(LabelledRows.Row::text, LabelledRows.Row::place)
        .containsExactly(tuple("hi", "line 1"), tuple("bye", "line 2"));
    assertThat(json("{\"text\": \"hi\", \"label\": \"greet\"}"))
        .extracting(LabelledRows.Row::text)
        .as("a document of one row")
        .containsExactly("hi");
  }

  @Test
  void aJsonDocumentThatCannotBeReadIsRefusedWithItsPlace() {
    assertThatThrownBy(() -> json("{\"train\": [[\"hi\", \"greet\"], 7]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 2 of train is neither an object, nor a [text, label] pair");
    assertThatThrownBy(() -> json("{\"test\": [\"a text without its label\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1 of test is neither an object, nor a [text, label] pair");
    assertThatThrownBy(() -> json("{\"greet\": [7]}"))
        .hasMessage(
            "row 1 of greet is neither an object, nor a [text, label] pair, nor a text"
                + " of the label greet");
    assertThatThrownBy(() -> json("[\n  {\"text\": \"hi\",\n   \"label\" \"greet\"}\n]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON document (line 3, column ");
    assertThatThrownBy(() -> json("[".repeat(5000) + "]".repeat(5000)))
        .as("nested deeper than any dataset")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too deeply nested");
    assertThatThrownBy(() -> json("\"hi\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a JSON document of rows must be an array or an object");
  }

  private static List<LabelledRows.Row> json(String document) throws Exception {
    return LabelledRows.read(new StringReader(document), LabelledRows.Format.JSON);
  }

  @Test
  void eachFormatGivesTheSameRowsUnderTheirUsualNames() throws Exception {
    List<LabelledRows.Row> csv =
        LabelledRows.read(
            new StringReader("\uFEFFId,Utterance,Intent\r\n7,\"Hi, there\",greet\r\n\r\n"),
            LabelledRows.Format.CSV);
    List<LabelledRows.Row> tsv =
        LabelledRows.read(
            new StringReader("question\tcategory\n\"Hi, there\tgreet\n"), LabelledRows.Format.TSV);
    List<LabelledRows.Row> jsonl =
        LabelledRows.read(
            new StringReader(
                "\uFEFF{\"text\":\"Hi, there\",\"label_text\":\"greet\",\"label\":3}\n"),
            LabelledRows.Format.JSONL);
    assertThat(csv).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("Hi, there"));
    assertThat(csv.get(0).label()).isEqualTo("greet");
    assertThat(csv.get(0).place()).isEqualTo("line 2");
    assertThat(tsv.get(0).text()).as("no quoting in TSV").isEqualTo("\"Hi, there");
    assertThat(jsonl.get(0).label()).as("the label's name before its number").isEqualTo("greet");
  }

  @Test
  void aCsvThatASpreadsheetSavedWithSemicolonsIsReadAsHwu64sIs() throws Exception {
    List<LabelledRows.Row> rows =
        LabelledRows.read(
            new StringReader(
                "\uFEFFuserid;scenario;intent;answer\r\n"
                    + "1;alarm;alarm_set;\"wake me up at 5, please\"\r\n"
                    + "2;qa;factoid;what is 2,5 times 2\r\n"),
            LabelledRows.Format.CSV);

    assertThat(rows)
        .extracting(r -> r.first(List.of("answer")), LabelledRows.Row::label)
        .containsExactly(
            tuple("wake me up at 5, please", "alarm_set"), tuple("what is 2,5 times 2", "factoid"));
    assertThat(
            LabelledRows.read(
                new StringReader("text,label\n\"a; b; c\",x\n"), LabelledRows.Format.CSV))
        .as("semicolons in a comma-separated file's rows")
        .extracting(LabelledRows.Row::text)
        .containsExactly("a; b; c");
  }

  @Test
  void aFileWithoutAHeaderRowIsReadWithItsColumnsNamed() throws Exception {
    List<LabelledRows.Row> rows =
        LabelledRows.read(
            new StringReader("play some jazz\tPlayMusic\nwill it rain\tGetWeather\n"),
            LabelledRows.Format.TSV,
            List.of("text", "intent"));

    assertThat(rows)
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label, LabelledRows.Row::place)
        .containsExactly(
            tuple("play some jazz", "PlayMusic", "line 1"),
            tuple("will it rain", "GetWeather", "line 2"));
    assertThatThrownBy(
            () ->
                LabelledRows.read(
                    new StringReader("[]"), LabelledRows.Format.JSON, List.of("text", "label")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column names are for CSV or TSV without a header row");
  }

  @Test
  void columnNamesAreReadAsAPersonTypesThemAndRefusedWhereAFileCouldNotBeReadByThem() {
    assertThat(LabelledRows.columns(null)).as("the first row is the header").isNull();
    assertThat(LabelledRows.columns(" Label , text")).containsExactly("label", "text");
    for (String bad : List.of("", " ", "label,,text", "text,label,text", "a".repeat(101) + ",x")) {
      assertThatThrownBy(() -> LabelledRows.columns(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("columns must be");
    }
    assertThat(LabelledRows.columns(String.join(",", names(LabelledRows.MAX_COLUMNS))))
        .hasSize(LabelledRows.MAX_COLUMNS);
    assertThatThrownBy(
            () -> LabelledRows.columns(String.join(",", names(LabelledRows.MAX_COLUMNS + 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> names(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
  }

  @Test
  void aCsvWithoutALineEndInItsFirst64KiBIsRefusedForItsHeaderNotItsLength() {
    StringBuilder oneLine = new StringBuilder("c0");
    for (int i = 1; i < 20_000; i++) {
      oneLine.append(';').append('c').append(i);
    }

    assertThatThrownBy(
            () -> LabelledRows.read(new StringReader(oneLine.toString()), LabelledRows.Format.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(LabelledRows.HEADER_NEEDED);
  }

  @Test
  void hwu64sOwnFileGivesTheUsersAnswersUnderTheirScenarioQualifiedIntents() throws Exception {
    // the columns of NLU-Data-Home-Domain-Annotated-All.csv: "question" is the prompt the crowd
    // answered, and the same intent name ("set", "query") is in several scenarios
    String header =
        "userid;answerid;scenario;intent;status;answer_annotation;notes;suggested_entities;"
            + "answer_normalised;answer;question\n";
    String prompt = ";what would you say to your assistant?\n";
    List<LabelledRows.Row> rows =
        LabelledRows.read(
            new StringReader(
                header
                    + "1;1;alarm;set;;;;;wake me up at five am;wake me up at five am"
                    + prompt
                    + "1;2;alarm;query;;;;;what alarms are set;what alarms are set"
                    + prompt
                    + "2;3;calendar;set;;;;;book lunch with ann;book lunch with ann"
                    + prompt
                    + "2;4;calendar;set;;;;;remind me of the dentist;remind me of the dentist"
                    + prompt),
            LabelledRows.Format.CSV);
    assertThat(rows)
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label)
        .containsExactly(
            tuple("wake me up at five am", "alarm_set"),
            tuple("what alarms are set", "alarm_query"),
            tuple("book lunch with ann", "calendar_set"),
            tuple("remind me of the dentist", "calendar_set"));
    // where an intent's name is in one scenario only (Amazon MASSIVE's), it stays as it is
    List<LabelledRows.Row> massive =
        LabelledRows.read(
            new StringReader(
                "{\"utt\":\"wake me up\",\"scenario\":\"alarm\",\"intent\":\"alarm_set\"}\n"
                    + "{\"utt\":\"book lunch\",\"scenario\":\"calendar\",\"intent\":\"calendar_set\"}\n"),
            LabelledRows.Format.JSONL);
    assertThat(massive)
        .extracting(LabelledRows.Row::label)
        .containsExactly("alarm_set", "calendar_set");
    // a stray space in one row's intent (JSON keeps it) is the same intent, named in two scenarios
    List<LabelledRows.Row> spaced =
        LabelledRows.read(
            new StringReader(
                "{\"text\":\"wake me up\",\"scenario\":\"alarm\",\"intent\":\"set\"}\n"
                    + "{\"text\":\"book lunch\",\"scenario\":\"calendar\",\"intent\":\" set\"}\n"),
            LabelledRows.Format.JSONL);
    assertThat(spaced)
        .extracting(LabelledRows.Row::label)
        .containsExactly("alarm_set", "calendar_set");
    // a FAQ export's question is its text, though its answers are as many
    List<LabelledRows.Row> faq =
        LabelledRows.read(
            new StringReader(
                "question,answer,category\nHow do I reset it?,Press the button.,it\n"
                    + "Who pays me?,Payroll does.,hr\n"),
            LabelledRows.Format.CSV);
    assertThat(faq)
        .extracting(LabelledRows.Row::text)
        .containsExactly("How do I reset it?", "Who pays me?");
  }

  @Test
  void bitextsCustomerSupportSetAndRowsOfMixedNamesAreRead() throws Exception {
    List<LabelledRows.Row> bitext =
        LabelledRows.read(
            new StringReader(
                "flags,instruction,category,intent,response\n"
                    + "B,i want to cancel my order,ORDER,cancel_order,\"I understand, ...\"\n"),
            LabelledRows.Format.CSV);
    assertThat(bitext)
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label)
        .containsExactly(tuple("i want to cancel my order", "cancel_order"));
    // rows that name their text differently keep their own, though one name has more values
    StringBuilder lines = new StringBuilder("{\"utterance\":\"u0\",\"class\":\"a\"}\n");
    for (int i = 0; i < 3; i++) {
      lines.append("{\"message\":\"m").append(i).append("\",\"class\":\"b\"}\n");
    }
    assertThat(LabelledRows.read(new StringReader(lines.toString()), LabelledRows.Format.JSONL))
        .extracting(LabelledRows.Row::text, LabelledRows.Row::label)
        .containsExactly(tuple("u0", "a"), tuple("m0", "b"), tuple("m1", "b"), tuple("m2", "b"));
  }

  @Test
  void whatCannotBeReadIsRefusedWithItsPlace() {
    assertThatThrownBy(
            () -> LabelledRows.read(new StringReader("a,b\n1,2\n"), LabelledRows.Format.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header")
        .hasMessageContaining("[a, b]");
    assertThatThrownBy(
            () ->
                LabelledRows.read(
                    new StringReader("{\"text\":\"a\"}\n[1]\n"), LabelledRows.Format.JSONL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2 is not a JSON object");
  }
}
