package io.infodesk.platform.boundary;

import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.platform.entity.AppSetting;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The value of a setting on this node: an admin's run-time change (table {@code app_setting},
 * re-read at most every 5 seconds, so a change reaches every node within seconds) or else
 * MicroProfile Config. Only the keys in {@link FlywheelSettings} that an admin may edit are ever
 * stored.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RuntimeSettings {

  static final long REFRESH_NANOS = 5_000_000_000L;

  @PersistenceContext EntityManager em;
  @Inject Config config;

  private volatile Map<String, String> overrides = Map.of();
  private volatile long loadedAt;

  public Optional<String> value(String key) {
    String override = overrides().get(key);
    return override != null
        ? Optional.of(override)
        : config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }

  // typed values of the flywheel settings; without a value, their default (FlywheelSettings)

  public double number(String key) {
    return Double.parseDouble(text(key));
  }

  public int whole(String key) {
    return Integer.parseInt(text(key));
  }

  public boolean flag(String key) {
    return Boolean.parseBoolean(text(key));
  }

  public String text(String key) {
    return value(key).map(String::strip).orElseGet(() -> FlywheelSettings.defaultOf(key));
  }

  /** Whether an admin's change is in effect for the key. */
  public boolean isOverridden(String key) {
    return overrides().containsKey(key);
  }

  /** Forgets the cache, so this node sees a change at once (the others within seconds). */
  public void changed() {
    loadedAt = 0;
  }

  private Map<String, String> overrides() {
    long now = System.nanoTime();
    if (loadedAt == 0 || now - loadedAt > REFRESH_NANOS) {
      Map<String, String> fresh = new HashMap<>();
      em.createNamedQuery(AppSetting.FIND_ALL, AppSetting.class)
          .getResultList()
          .forEach(s -> fresh.put(s.getKey(), s.getValue()));
      overrides = Map.copyOf(fresh);
      loadedAt = now;
    }
    return overrides;
  }
}
