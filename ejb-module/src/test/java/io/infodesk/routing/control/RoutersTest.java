package io.infodesk.routing.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.model.LlmRouter;
import io.infodesk.support.ChatServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The zero-shot router on vectors the test owns, and the LLM router against a real HTTP server that
 * speaks the OpenAI chat-completions protocol (WireMock).
 */
class RoutersTest {

  @RegisterExtension static final ChatServer llm = new ChatServer();

  /** A toy embedder: words map to axes, so the test knows every similarity. */
  static float[] embed(String text) {
    String t = text.toLowerCase();
    float[] v = {
      t.contains("leave") || t.contains("vacation") ? 1 : 0,
      t.contains("vpn") || t.contains("laptop") ? 1 : 0,
      t.contains("pay") || t.contains("salary") ? 1 : 0,
      t.contains("weather") ? 1 : 0,
      0.05f
    };
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  static ZeroShotRouter zeroShot(Double threshold) {
    return new ZeroShotRouter(
        List.of(
            new ZeroShotRouter.DomainEvidence(
                "hr", embed("leave"), List.of(embed("vacation days"), embed("parental leave"))),
            new ZeroShotRouter.DomainEvidence(
                "it", embed("laptop"), List.of(embed("vpn broken"), embed("new laptop"))),
            new ZeroShotRouter.DomainEvidence(
                "finance", embed("pay"), List.of(embed("payday"), embed("salary slip")))),
        RoutersTest::embed,
        threshold,
        0.05);
  }

  @Test
  void zeroShotRoutesToTheNearestCentroidAndDeclinesFarQuestions() {
    ZeroShotRouter router = zeroShot(null);
    assertThat(router.route("How much vacation do I have?").domain()).isEqualTo("hr");
    assertThat(router.route("my VPN drops").domain()).isEqualTo("it");
    assertThat(router.route("when is pay day").domain()).isEqualTo("finance");
    RouteDecision weather = router.route("what is the weather tomorrow");
    assertThat(weather.outOfScope()).isTrue();
    assertThat(weather.scores()).containsKeys("hr", "it", "finance");
    assertThat(router.threshold()).isBetween(0.1, 0.6);
    assertThat(router.version()).startsWith("zero-shot-").isEqualTo(zeroShot(null).version());
  }

  @Test
  void anExplicitThresholdWins() {
    assertThat(zeroShot(0.999).route("vacation and vpn").outOfScope()).isTrue();
  }

  LlmRouter llmRouter(Duration timeout) {
    ChatCompletions client =
        new ChatCompletions(llm.baseUrl() + "/v1", "test-model", "k3y", timeout);
    return new LlmRouter(
        List.of(
            new LlmRouter.DomainCard("hr", "HR", "leave"),
            new LlmRouter.DomainCard("it", "IT", "laptops"),
            new LlmRouter.DomainCard("finance", "Finance", "pay")),
        (system, user) -> client.complete(system, user, true, 50),
        zeroShot(null),
        client.model());
  }

  @Test
  void theLlmRouterUsesTheModelsAnswer() {
    llm.reply("{\"domain\": \"it\", \"confidence\": 0.92}");
    RouteDecision d = llmRouter(Duration.ofSeconds(5)).route("How much vacation do I have?");
    assertThat(d.domain()).isEqualTo("it");
    assertThat(d.confidence()).isEqualTo(0.92);
    assertThat(d.routerVersion()).isEqualTo("llm-test-model");
    assertThat(d.fallbackReason()).isNull();
    llm.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer k3y"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[1].content",
                    equalTo("Question: <question>How much vacation do I have?</question>"))));
  }

  @Test
  void theLlmRouterCanDeclineAndToleratesACodeFence() {
    llm.reply("```json\n{\"domain\": \"none\", \"confidence\": 0.8}\n```");
    RouteDecision d = llmRouter(Duration.ofSeconds(5)).route("tell me a joke");
    assertThat(d.outOfScope()).isTrue();
    assertThat(d.fallbackReason()).isNull();
  }

  @Test
  void malformedOrUnknownAnswersFallBackToZeroShot() {
    for (String bad :
        List.of(
            "I think HR",
            "{\"domain\": \"legal\"}",
            "{\"domain\": 3}",
            "{\"domain\": \"hr\", \"confidence\": 7}",
            "{oops")) {
      llm.reply(bad);
      RouteDecision d = llmRouter(Duration.ofSeconds(5)).route("How much vacation do I have?");
      assertThat(d.domain()).as(bad).isEqualTo("hr");
      assertThat(d.routerVersion()).as(bad).startsWith("zero-shot-");
      assertThat(d.fallbackReason()).as(bad).contains("LLM router failed");
    }
  }

  @Test
  void serverErrorsAndTimeoutsFallBackToZeroShot() {
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(aResponse().withStatus(500).withBody("boom")));
    RouteDecision error = llmRouter(Duration.ofSeconds(5)).route("new laptop please");
    assertThat(error.domain()).isEqualTo("it");
    assertThat(error.fallbackReason()).contains("HTTP 500");

    llm.resetAll();
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(aResponse().withFixedDelay(2000).withBody("{}")));
    RouteDecision slow = llmRouter(Duration.ofMillis(300)).route("new laptop please");
    assertThat(slow.domain()).isEqualTo("it");
    assertThat(slow.fallbackReason()).contains("timed out");
  }

  @Test
  void parsingRefusesWhatItCannotTrust() {
    List<String> keys = List.of("hr", "it");
    assertThat(LlmRouter.parse("{\"domain\":\"hr\",\"confidence\":0.7}", keys).domain())
        .isEqualTo("hr");
    assertThat(LlmRouter.parse("{\"domain\":null}", keys).domain()).isNull();
    assertThat(LlmRouter.parse("Sure! {\"domain\":\"it\"} hope that helps", keys).confidence())
        .isEqualTo(0.5);
    for (String bad :
        new String[] {
          "", "   ", "no json", "{\"domain\":\"x\"}", "{\"confidence\":\"high\",\"domain\":\"hr\"}"
        }) {
      assertThatThrownBy(() -> LlmRouter.parse(bad, keys))
          .as(bad)
          .isInstanceOf(ChatCompletions.MalformedReplyException.class);
    }
  }
}
