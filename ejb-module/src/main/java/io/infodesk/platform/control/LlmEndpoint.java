package io.infodesk.platform.control;

import io.infodesk.platform.boundary.LlmCallsMetered;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The configured OpenAI-compatible endpoint, if any, guarded by MicroProfile Fault Tolerance: a
 * time-out per call, one retry, and a circuit breaker that stops calling a failing endpoint for a
 * while. Callers fall back to the embedded router or the extractive answer.
 */
@ApplicationScoped
public class LlmEndpoint {

  @Inject Config config;

  private ChatCompletions client;

  @PostConstruct
  void configure() {
    Optional<String> url =
        config.getOptionalValue(Settings.LLM_BASE_URL, String.class).filter(u -> !u.isBlank());
    if (url.isPresent()) {
      client =
          new ChatCompletions(
              url.get(),
              config.getOptionalValue(Settings.LLM_MODEL, String.class).orElse("default"),
              config.getOptionalValue(Settings.LLM_API_KEY, String.class).orElse(null),
              Duration.ofSeconds(
                  config
                      .getOptionalValue("infodesk.llm.timeout-seconds", Integer.class)
                      .orElse(20)));
    }
  }

  public boolean isConfigured() {
    return client != null;
  }

  public String model() {
    return client == null ? null : client.model();
  }

  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 1, delay = 200)
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.5,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS)
  @LlmCallsMetered
  public String complete(String system, String user, boolean jsonReply, int maxTokens) {
    if (client == null) {
      throw new IllegalStateException("no LLM endpoint is configured");
    }
    // waiting on the network: a question's turn (AskAdmission) goes to the next one meanwhile
    return Turns.giveBackWhile(() -> client.complete(system, user, jsonReply, maxTokens));
  }
}
