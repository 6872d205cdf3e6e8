package io.infodesk.curation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThat(csv.get(0).lineNo()).isEqualTo(2);
    assertThat(tsv.get(0).text()).as("no quoting in TSV").isEqualTo("\"Hi, there");
    assertThat(jsonl.get(0).label()).as("the label's name before its number").isEqualTo("greet");
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
