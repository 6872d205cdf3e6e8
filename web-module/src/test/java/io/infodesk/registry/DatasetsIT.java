package io.infodesk.registry;

import static io.infodesk.support.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.support.Api;
import io.infodesk.support.Api.Reply;
import io.infodesk.support.Deployments;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dataset versions on Payara Micro: JSONL import (all or nothing), versions whose evaluation part
 * is the frozen set, JSONL export with provenance, and the admin's extension of the frozen set.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatasetsIT {

  static final String ADMIN = basic("admin", "demo");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.infodesk();
  }

  @ArquillianResource URL base;

  @Test
  void importBuildExportAndAFrozenEvaluationSet() {
    Api api = new Api(base.toString());
    api.awaitReady(Duration.ofMinutes(3));
    // traffic for the frozen evaluation set, which is never made of the domains' exemplars
    api.askAndRateUp(Api.DEMO_TRAFFIC);
    String marker = "badge" + System.nanoTime() % 100000;

    Reply bad =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "application/x-ndjson",
            "{\"text\":\"How do I renew my "
                + marker
                + "?\",\"label\":\"it\"}\n{\"text\":\"x\",\"label\":\"atlantis\"}\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("detail")).contains("line 2");
    assertThat(
            api.postRaw("/api/datasets/import", ADMIN, "application/x-ndjson", "not json").status())
        .isEqualTo(400);
    assertThat(api.postRaw("/api/datasets/import", ADMIN, "application/x-ndjson", "").status())
        .isEqualTo(400);
    assertThat(
            api.postRaw("/api/datasets/import", basic("sme", "demo"), "application/x-ndjson", "{}")
                .status())
        .isEqualTo(403);

    Reply imported =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "application/x-ndjson",
            "{\"text\":\"How do I renew my "
                + marker
                + " access card?\",\"label\":\"it\"}\n"
                + "{\"text\":\"Is the "
                + marker
                + " allowance taxable?\",\"label\":\"finance\"}\n"
                + "{\"text\":\"Sing me a "
                + marker
                + " song\",\"label\":\"oos\"}\n"
                + "{\"text\":\"Please fix the ssn 123456789 on my "
                + marker
                + " record\",\"label\":\"hr\"}\n");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().getInt("imported")).isEqualTo(4);
    // a ticket system's export as a spreadsheet saves it: a byte order mark, Windows line ends,
    // its own column names, a quoted question with a comma; and a TSV whose question starts with
    // a quotation mark that closes nowhere
    Reply csv =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "text/csv; charset=utf-8",
            "\uFEFFTicket,Question,Intent\r\n"
                + "T-1,\"Where is the "
                + marker
                + "-csv form, the new one?\",finance\r\n"
                + "T-2,My "
                + marker
                + "-csv laptop will not boot,it\r\n");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.json().getInt("imported")).isEqualTo(2);
    Reply tsv =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "text/tab-separated-values",
            "utterance\tlabel\n\"Quoted " + marker + "-tsv leave question\thr\n");
    assertThat(tsv.status()).as(tsv.body()).isEqualTo(200);
    assertThat(tsv.json().getInt("imported")).isEqualTo(1);
    // a spreadsheet in a locale with a decimal comma separates with semicolons
    Reply semicolons =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "text/csv",
            "question;label\nIs 2,5 days of " + marker + "-semi leave paid?;hr\n");
    assertThat(semicolons.status()).as(semicolons.body()).isEqualTo(200);
    assertThat(semicolons.json().getInt("imported")).isEqualTo(1);
    // a JSON document, as CLINC150's original file writes pairs of text and label
    Reply json =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "application/json",
            "[{\"question\": \"Who approves "
                + marker
                + "-json travel?\", \"label\": \"finance\"},"
                + " [\"Reset my "
                + marker
                + "-json token\", \"it\"]]");
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.json().getInt("imported")).isEqualTo(2);
    Reply badJson =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "application/json",
            "{\"train\": [[\"Fine " + marker + "-never\", \"it\"], [\"Bad\", \"atlantis\"]]}");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.isProblem()).isTrue();
    assertThat(badJson.json().getString("detail")).startsWith("row 2 of train: label must be");
    Reply headless =
        api.postRaw("/api/datasets/import", ADMIN, "text/csv", "How do I reset it?,it\n");
    assertThat(headless.status()).isEqualTo(400);
    assertThat(headless.isProblem()).isTrue();
    assertThat(headless.json().getString("detail"))
        .contains("header", "label column", "columns=label,text");
    Reply named =
        api.postRaw(
            "/api/datasets/import?columns=label,text",
            ADMIN,
            "text/csv",
            "it,How do I reset my "
                + marker
                + "-headless token?\nhr,Is "
                + marker
                + "-headless leave paid?\n");
    assertThat(named.status()).as(named.body()).isEqualTo(200);
    assertThat(named.json().getInt("imported")).isEqualTo(2);
    assertThat(named.json().containsKey("warning")).as(named.body()).isFalse();
    // a language MiniLM cannot read is imported, and the admin is told what it means
    Reply unreadable =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "application/x-ndjson",
            "{\"text\":\"我忘了"
                + marker
                + "的密码怎么办\",\"label\":\"it\"}\n{\"text\":\"打印机坏了，请帮我修理\",\"label\":\"it\"}\n");
    assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(200);
    assertThat(unreadable.json().getInt("imported")).isEqualTo(2);
    assertThat(unreadable.json().getString("warning"))
        .contains("MiniLM", "word pieces", "n-gram student");
    for (String columns : new String[] {"label", "label,,text", "text,text", ""}) {
      Reply badColumns =
          api.postRaw(
              "/api/datasets/import?columns=" + columns,
              ADMIN,
              "text/csv",
              "it,How do I reset my " + marker + "-never token?\n");
      assertThat(badColumns.status()).as(columns).isEqualTo(400);
      assertThat(badColumns.isProblem()).isTrue();
    }
    Reply columnsOfJson =
        api.postRaw(
            "/api/datasets/import?columns=label,text",
            ADMIN,
            "application/json",
            "[[\"Fine " + marker + "-never\", \"it\"]]");
    assertThat(columnsOfJson.status()).isEqualTo(400);
    assertThat(columnsOfJson.json().getString("detail")).contains("CSV or TSV without a header");
    Reply badLabel =
        api.postRaw(
            "/api/datasets/import",
            ADMIN,
            "text/csv",
            "text,label\nFine " + marker + "-never,it\nBad " + marker + "-never,atlantis\n");
    assertThat(badLabel.status()).isEqualTo(400);
    assertThat(badLabel.json().getString("detail")).contains("line 3");

    Reply first = api.post("/api/datasets", ADMIN, "");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().getJsonObject("provenanceCounts").keySet())
        .contains("SEED", "DESCRIPTION", "IMPORTED");
    Reply second = api.post("/api/datasets", ADMIN, "");
    assertThat(second.json().getInt("version")).isEqualTo(first.json().getInt("version") + 1);

    String a =
        api.get("/api/datasets/" + first.json().getJsonNumber("id") + "/export", ADMIN).body();
    String b =
        api.get("/api/datasets/" + second.json().getJsonNumber("id") + "/export", ADMIN).body();
    assertThat(a).contains(marker, "\"provenance\":\"IMPORTED\"");
    assertThat(a)
        .contains(
            "Where is the " + marker + "-csv form, the new one?",
            "Who approves " + marker + "-json travel?",
            "Is 2,5 days of " + marker + "-semi leave paid?",
            "Reset my " + marker + "-json token",
            "How do I reset my " + marker + "-headless token?",
            "Is " + marker + "-headless leave paid?",
            "My " + marker + "-csv laptop will not boot",
            "\"Quoted " + marker + "-tsv leave question")
        .as("a refused file imports nothing")
        .doesNotContain(marker + "-never");
    assertThat(a)
        .as("imported rows are redacted before they are stored")
        .contains("the ssn [NATIONAL_ID] on my " + marker)
        .doesNotContain("123456789");
    assertThat(evalLines(b))
        .as("the evaluation part is frozen across versions")
        .isEqualTo(evalLines(a))
        .isNotEmpty();

    assertThat(api.post("/api/datasets/frozen-eval/extension?perLabel=0", ADMIN, "").status())
        .isEqualTo(400);
    Reply extended = api.post("/api/datasets/frozen-eval/extension?perLabel=1", ADMIN, "");
    assertThat(extended.status()).isEqualTo(200);
    assertThat(extended.json().getInt("added")).isPositive();
    Reply third = api.post("/api/datasets", ADMIN, "");
    assertThat(third.json().getInt("evalSize"))
        .isEqualTo(second.json().getInt("evalSize") + extended.json().getInt("added"));

    assertThat(api.get("/api/datasets/99999999/export", ADMIN).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets/abc/export", ADMIN).status()).isEqualTo(400);
    assertThat(api.get("/api/datasets", ADMIN).array().size()).isGreaterThanOrEqualTo(3);
  }

  static Set<String> evalLines(String jsonl) {
    return Arrays.stream(jsonl.split("\n"))
        .filter(l -> l.contains("\"split\":\"eval\""))
        .map(l -> l.replaceAll(",\"interactionId\":\\d+", ""))
        .collect(Collectors.toSet());
  }
}
