package io.infodesk.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

  @Test
  void secretsAreUniqueAndRecognisable() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = TokenCodec.newSecret();
      assertThat(TokenCodec.looksLikeToken(secret)).isTrue();
      assertThat(seen.add(secret)).isTrue();
    }
  }

  @Test
  void digestIsStableHexAndDiffersPerSecret() {
    String a = TokenCodec.digest("idk_a");
    assertThat(a).hasSize(64).matches("[0-9a-f]+").isEqualTo(TokenCodec.digest("idk_a"));
    assertThat(TokenCodec.digest("idk_b")).isNotEqualTo(a);
  }

  @Test
  void rejectsThingsThatAreNotTokens() {
    assertThat(TokenCodec.looksLikeToken(null)).isFalse();
    assertThat(TokenCodec.looksLikeToken("")).isFalse();
    assertThat(TokenCodec.looksLikeToken("idk_short")).isFalse();
    assertThat(TokenCodec.looksLikeToken("xyz_" + "a".repeat(43))).isFalse();
  }
}
