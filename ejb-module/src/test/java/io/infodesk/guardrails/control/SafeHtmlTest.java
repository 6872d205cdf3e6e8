package io.infodesk.guardrails.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.guardrails.model.SafeHtml;
import org.junit.jupiter.api.Test;

class SafeHtmlTest {

  @Test
  void keepsTheAnswersFormattingAndDropsWhatCouldRun() {
    String html =
        "<p>Parental <mark>leave</mark> is <strong>16 weeks</strong> <sup class=\"cite\">[1]</sup></p>"
            + "<script>alert(1)</script><img src=x onerror=alert(2)>"
            + "<a href=\"javascript:alert(3)\">x</a><a href=\"https://kestrel.example/leave\">policy</a>"
            + "<p onclick=\"alert(4)\" style=\"color:red\">more</p><iframe src=\"https://evil\"></iframe>";
    String safe = SafeHtml.sanitize(html);
    assertThat(safe)
        .contains(
            "<mark>leave</mark>",
            "<strong>16 weeks</strong>",
            "<sup class=\"cite\">[1]</sup>",
            "href=\"https://kestrel.example/leave\"",
            "<p>more</p>")
        .doesNotContain("script", "onerror", "javascript:", "onclick", "style=", "iframe", "<img");
    assertThat(SafeHtml.sanitize(null)).isNull();
  }
}
