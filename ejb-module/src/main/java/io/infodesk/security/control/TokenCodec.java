package io.infodesk.security.control;

import io.infodesk.platform.control.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes API token secrets and the SHA-256 digests under which they are stored. */
public final class TokenCodec {
  public static final String PREFIX = "idk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenCodec() {}

  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String digest(String secret) {
    return Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  public static boolean looksLikeToken(String secret) {
    return secret != null && secret.startsWith(PREFIX) && secret.length() == PREFIX.length() + 43;
  }
}
