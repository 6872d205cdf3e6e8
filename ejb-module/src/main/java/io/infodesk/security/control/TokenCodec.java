package io.infodesk.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  public static boolean looksLikeToken(String secret) {
    return secret != null && secret.startsWith(PREFIX) && secret.length() == PREFIX.length() + 43;
  }
}
