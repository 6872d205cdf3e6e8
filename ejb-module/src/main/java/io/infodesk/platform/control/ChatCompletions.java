package io.infodesk.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A client for the OpenAI chat-completions protocol, which NIM, vLLM, Ollama and OpenAI all speak.
 * One call, one answer; retries, time-outs and the circuit breaker are the caller's (MicroProfile
 * Fault Tolerance on the boundary bean).
 */
public final class ChatCompletions {

  /** The endpoint failed or answered something that is not a chat completion. */
  public static final class LlmException extends RuntimeException {
    public LlmException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The assistant's text is not the JSON the caller asked for. */
  public static final class MalformedReplyException extends RuntimeException {
    public MalformedReplyException(String message) {
      super(message);
    }
  }

  /**
   * The JSON object in an assistant's reply, tolerating a code fence or words around it.
   *
   * @throws MalformedReplyException when the reply is empty or holds no valid JSON object
   */
  public static jakarta.json.JsonObject jsonObjectIn(String reply) {
    if (reply == null || reply.isBlank()) {
      throw new MalformedReplyException("empty reply");
    }
    int open = reply.indexOf('{');
    int close = reply.lastIndexOf('}');
    if (open < 0 || close < open) {
      throw new MalformedReplyException("no JSON object in the reply");
    }
    try (var reader =
        Jsons.JSON.createReader(new java.io.StringReader(reply.substring(open, close + 1)))) {
      return reader.readObject();
    } catch (jakarta.json.JsonException e) {
      throw new MalformedReplyException("the reply is not valid JSON");
    }
  }

  private final HttpClient http;
  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final Duration timeout;

  public ChatCompletions(String baseUrl, String model, String apiKey, Duration timeout) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/chat/completions");
    this.model = model;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public String model() {
    return model;
  }

  /** Sends a system and a user message; returns the assistant's text. */
  public String complete(String system, String user, boolean jsonReply, int maxTokens) {
    JsonObjectBuilder body =
        Jsons.JSON
            .createObjectBuilder()
            .add("model", model)
            .add("temperature", 0)
            .add("max_tokens", maxTokens)
            .add(
                "messages",
                Jsons.JSON
                    .createArrayBuilder()
                    .add(
                        Jsons.JSON
                            .createObjectBuilder()
                            .add("role", "system")
                            .add("content", system))
                    .add(
                        Jsons.JSON.createObjectBuilder().add("role", "user").add("content", user)));
    if (jsonReply) {
      body.add("response_format", Jsons.JSON.createObjectBuilder().add("type", "json_object"));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new LlmException("the LLM endpoint timed out after " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new LlmException("the LLM endpoint could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting for the LLM endpoint", e);
    }
    if (response.statusCode() != 200) {
      throw new LlmException(
          "the LLM endpoint answered HTTP "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()),
          null);
    }
    try (var reader = Jsons.JSON.createReader(new StringReader(response.body()))) {
      JsonObject json = reader.readObject();
      JsonArray choices = json.getJsonArray("choices");
      if (choices == null || choices.isEmpty()) {
        throw new LlmException("the LLM reply has no choices", null);
      }
      return choices.getJsonObject(0).getJsonObject("message").getString("content");
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new LlmException(
          "the LLM reply is not a chat completion: " + abbreviate(response.body()), e);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
