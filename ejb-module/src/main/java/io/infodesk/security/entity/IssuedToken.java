package io.infodesk.security.entity;

import java.time.Instant;

/** A token as issued: the secret is shown this once and never stored. */
public record IssuedToken(Long id, String label, String token, Instant expiresAt) {
  /** For Faces EL, which does not read record components. */
  public String getToken() {
    return token;
  }
}
