package io.infodesk.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (WireMock), for
 * the tests of code that calls an LLM: started once per test class, emptied before each test.
 * Register it with {@code @RegisterExtension static final ChatServer llm = new ChatServer();}.
 */
public final class ChatServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

  @Override
  public void beforeAll(ExtensionContext context) {
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.resetAll();
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** Every chat completion answers with {@code content} as the assistant's message. */
  public void reply(String content) {
    server.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                            + "\"message\":{\"role\":\"assistant\",\"content\":"
                            + jakarta.json.Json.createValue(content)
                            + "},\"finish_reason\":\"stop\"}]}")));
  }

  public void stubFor(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  public void verify(RequestPatternBuilder request) {
    server.verify(request);
  }

  /** Exactly {@code count} requests matched. */
  public void verify(int count, RequestPatternBuilder request) {
    server.verify(count, request);
  }

  public void resetAll() {
    server.resetAll();
  }
}
