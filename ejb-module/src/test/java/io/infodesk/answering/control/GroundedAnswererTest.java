package io.infodesk.answering.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.answering.entity.Answer;
import io.infodesk.guardrails.entity.GuardrailEvent;
import io.infodesk.guardrails.model.GroundingCheck;
import io.infodesk.guardrails.model.PiiRedactor;
import io.infodesk.platform.control.ChatCompletions;
import io.infodesk.retrieval.entity.Passage;
import io.infodesk.support.ChatServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Grounded generation against a real HTTP server speaking the OpenAI protocol (WireMock). */
class GroundedAnswererTest {

  @RegisterExtension static final ChatServer llm = new ChatServer();

  static final List<Passage> PASSAGES =
      List.of(
          new Passage(
              1,
              10,
              "Parental leave",
              "",
              "Birthing parents receive 20 weeks of parental leave at full base pay.",
              0.1,
              0.7,
              ""),
          new Passage(
              2,
              20,
              "Leave FAQ",
              "",
              "Start parental leave by opening a Leave case in the HR portal 30 days ahead.",
              0.1,
              0.6,
              ""));

  Optional<Answer> answer(String content, int status, int delayMs, List<GuardrailEvent> events) {
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withFixedDelay(delayMs)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        status != 200
                            ? "{\"error\":\"boom\"}"
                            : "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                                + jakarta.json.Json.createValue(content)
                                + "}}]}")));
    ChatCompletions client =
        new ChatCompletions(llm.baseUrl() + "/v1", "m", null, Duration.ofMillis(800));
    return new GroundedAnswerer(
            (s, u) -> client.complete(s, u, false, 300),
            new GroundingCheck(0.6)::unsupported,
            new PiiRedactor(List.of())::redact)
        .answer("How long is parental leave?", "HR & benefits", PASSAGES, events);
  }

  @Test
  void aGroundedAnswerKeepsItsCitationsRenumbered() {
    List<GuardrailEvent> events = new ArrayList<>();
    Answer a =
        answer(
                "Open a Leave case in the HR portal 30 days ahead [2]. Birthing parents receive 20 weeks of parental leave [1].",
                200,
                0,
                events)
            .orElseThrow();
    assertThat(a.mode()).isEqualTo(Answer.Mode.GENERATED);
    assertThat(a.citations()).extracting(Passage::chunkId).containsExactly(1L, 2L);
    assertThat(a.html()).contains("href=\"#cite-2\">[2]</a>", "href=\"#cite-1\">[1]</a>");
    assertThat(events).isEmpty();
  }

  @Test
  void unsupportedClaimsAreRefused() {
    List<GuardrailEvent> events = new ArrayList<>();
    assertThat(
            answer(
                "Every employee also receives a company car and free stock options [1].",
                200,
                0,
                events))
        .isEmpty();
    assertThat(events).extracting(GuardrailEvent::kind).containsExactly("UNGROUNDED");
  }

  @Test
  void inventedPersonalDataIsRedactedAndMarkupEscaped() {
    List<GuardrailEvent> events = new ArrayList<>();
    Answer a =
        answer(
                "Birthing parents receive 20 weeks of parental leave <b>at full pay</b> [1], ask jane.doe@kestrel.example.",
                200,
                0,
                events)
            .orElseThrow();
    assertThat(a.html()).contains("[EMAIL]", "&lt;b&gt;").doesNotContain("jane.doe", "<b>");
    assertThat(events).extracting(GuardrailEvent::kind).containsExactly("PII_LEAK_REDACTED");
  }

  @Test
  void errorsTimeoutsAndEmptyRepliesFallBack() {
    for (Object[] c : new Object[][] {{"x", 500, 0}, {"x", 200, 2000}, {"   ", 200, 0}}) {
      List<GuardrailEvent> events = new ArrayList<>();
      assertThat(answer((String) c[0], (Integer) c[1], (Integer) c[2], events)).isEmpty();
      assertThat(events).extracting(GuardrailEvent::kind).containsExactly("GENERATION_FAILED");
    }
  }
}
