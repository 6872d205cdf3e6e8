package io.infodesk.review.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.review.entity.Verdict;
import io.infodesk.review.entity.Verdict.Attribution;
import io.infodesk.support.ChatServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LLM judge against a real HTTP server that speaks the chat-completions protocol. */
class LlmJudgeTest {

  @RegisterExtension static final ChatServer llm = new ChatServer();

  LlmJudge judge() {
    ChatCompletions client =
        new ChatCompletions(llm.baseUrl() + "/v1", "judge-model", "k3y", Duration.ofSeconds(5));
    return new LlmJudge(
        List.of(
            new io.infodesk.routing.model.LlmRouter.DomainCard("hr", "HR", "leave and benefits"),
            new io.infodesk.routing.model.LlmRouter.DomainCard(
                "finance", "Finance", "pay and expenses")),
        (system, user) -> client.complete(system, user, true, 300),
        new EmbeddedJudge(0.3, 0.1));
  }

  static Judge.Evidence evidence() {
    return new Judge.Evidence(
        "When is payday?",
        "hr",
        false,
        "wrong team",
        null,
        "hr",
        null,
        Map.of("hr", 0.31, "finance", 0.72));
  }

  @Test
  void theModelsVerdictIsUsedAndTheEvidenceIsSent() {
    llm.reply(
        "```json\n{\"attribution\": \"ROUTING\", \"suggested_domain\": \"finance\","
            + " \"confidence\": 0.88, \"rationale\": \"Payday is a payroll question.\"}\n```");
    Verdict v = judge().judge(evidence());
    assertThat(v.attribution()).isEqualTo(Attribution.ROUTING);
    assertThat(v.suggestedDomain()).isEqualTo("finance");
    assertThat(v.confidence()).isEqualTo(0.88);
    assertThat(v.rationale()).isEqualTo("LLM judge: Payday is a payroll question.");
    llm.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(matchingJsonPath("$.response_format.type"))
            .withRequestBody(containing("Rubric"))
            .withRequestBody(containing("When is payday?"))
            .withRequestBody(containing("finance=0.72"))
            .withRequestBody(containing("wrong team")));
  }

  @Test
  void outOfScopeIsTheInternalLabelAndOtherAttributionsCarryNoDomain() {
    llm.reply(
        "{\"attribution\": \"routing\", \"suggested_domain\": \"out-of-scope\", \"confidence\": 0.7}");
    assertThat(judge().judge(evidence()).suggestedDomain()).isEqualTo("oos");
    llm.reply(
        "{\"attribution\": \"RETRIEVAL\", \"suggested_domain\": \"finance\", \"confidence\": 0.6,"
            + " \"rationale\": \"no passage\"}");
    Verdict v = judge().judge(evidence());
    assertThat(v.attribution()).isEqualTo(Attribution.RETRIEVAL);
    assertThat(v.suggestedDomain()).isNull();
  }

  @Test
  void anUnusableReplyFallsBackToTheEmbeddedJudgeAndSaysSo() {
    for (String bad :
        List.of(
            "I think it is finance",
            "{\"attribution\": \"MAYBE\"}",
            "{\"attribution\": \"ROUTING\", \"suggested_domain\": \"atlantis\"}",
            "{\"attribution\": \"ROUTING\"}",
            "{\"attribution\": \"NONE\", \"confidence\": 7}")) {
      llm.resetAll();
      llm.reply(bad);
      Verdict v = judge().judge(evidence());
      assertThat(v.rationale()).as(bad).contains("the LLM judge failed");
      // the embedded judge sees finance's knowledge much closer than hr's
      assertThat(v.attribution()).as(bad).isEqualTo(Attribution.ROUTING);
      assertThat(v.suggestedDomain()).as(bad).isEqualTo("finance");
    }
    llm.resetAll();
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(aResponse().withStatus(503).withBody("overloaded")));
    assertThat(judge().judge(evidence()).rationale()).contains("the LLM judge failed");
  }
}
