package io.infodesk.security.control;

import io.infodesk.platform.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Hashes passwords in the PBKDF2 format that the database identity store verifies. The hash carries
 * its own iteration count, so raising the setting only affects new passwords.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject Config config;

  private volatile boolean initialized;

  public String hash(String password) {
    init();
    return pbkdf2.generate(password.toCharArray());
  }

  /** The iterations a new hash gets (OWASP's guidance for PBKDF2-HMAC-SHA256: 600,000). */
  public int iterations() {
    return config.getOptionalValue(Settings.PBKDF2_ITERATIONS, Integer.class).orElse(600_000);
  }

  /** Whether a stored hash has fewer iterations than new hashes get (re-hash on next login). */
  public boolean weakerThanNow(String hash) {
    String[] parts = hash == null ? new String[0] : hash.split(":");
    try {
      return parts.length < 2 || Integer.parseInt(parts[1]) < iterations();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Whether the password matches a stored hash (any of this hasher's parameters). */
  public boolean verify(String password, String hash) {
    init();
    return password != null && hash != null && pbkdf2.verify(password.toCharArray(), hash);
  }

  private void init() {
    if (!initialized) {
      synchronized (this) {
        if (!initialized) {
          int iterations = iterations();
          pbkdf2.initialize(
              Map.of(
                  "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                  "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                  "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                  "Pbkdf2PasswordHash.KeySizeBytes", "32"));
          initialized = true;
        }
      }
    }
  }
}
