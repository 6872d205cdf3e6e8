package io.infodesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.platform.boundary.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void writesValidJsonEvenWithQuotesAndControlCharacters() {
    Problem p =
        new Problem("about:blank", "Unauthorized", 401, "bad \"token\"\n\\ \u0001", "/api/me");
    JsonObject json = Json.createReader(new StringReader(p.toJson())).readObject();
    assertThat(json.getString("detail")).isEqualTo("bad \"token\"\n\\ \u0001");
    assertThat(json.getInt("status")).isEqualTo(401);
    assertThat(json.getString("instance")).isEqualTo("/api/me");
  }
}
