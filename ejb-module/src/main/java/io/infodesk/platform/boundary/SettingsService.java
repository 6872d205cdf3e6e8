package io.infodesk.platform.boundary;

import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.platform.control.LlmEndpoint;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.entity.AppSetting;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The effective flywheel settings for admins (schedule, gates, drift thresholds, judge, reviews,
 * LLM endpoint), changes and resets of the run-time ones (gates, drift, judge, reviews,
 * auto-promotion; audited, on every node within seconds), and a live test of the LLM endpoint. The
 * schedule and the endpoint come from MicroProfile Config and take effect at the next start.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class SettingsService {

  /**
   * One setting: its key, the value in effect, whether it is the default, what it does, whether an
   * admin may change it here, and whether an admin's change is in effect.
   */
  public record Setting(
      String group,
      String key,
      String value,
      boolean isDefault,
      String meaning,
      boolean editable,
      boolean overridden) {
    public String getGroup() {
      return group;
    }

    public String getKey() {
      return key;
    }

    public String getValue() {
      return value;
    }

    public boolean isDefaultValue() {
      return isDefault;
    }

    public String getMeaning() {
      return meaning;
    }

    public boolean isEditable() {
      return editable;
    }

    public boolean isOverridden() {
      return overridden;
    }
  }

  /** The outcome of a connection test. */
  public record ConnectionTest(boolean ok, String message, long millis) {}

  @Inject Config config;
  @Inject LlmEndpoint llm;
  @EJB RuntimeSettings runtime;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @PersistenceContext EntityManager em;
  @jakarta.annotation.Resource jakarta.ejb.SessionContext context;

  public List<Setting> effective() {
    List<Setting> all = new ArrayList<>();
    for (FlywheelSettings.Definition d : FlywheelSettings.all()) {
      all.add(setting(d));
    }
    boolean key =
        config
            .getOptionalValue(Settings.LLM_API_KEY, String.class)
            .filter(k -> !k.isBlank())
            .isPresent();
    all.add(
        new Setting(
            "LLM endpoint",
            Settings.LLM_API_KEY,
            key ? "(set)" : "(not set)",
            config.getOptionalValue(Settings.LLM_API_KEY, String.class).isEmpty(),
            "sent as a bearer token; never shown",
            false,
            false));
    return all;
  }

  private Setting setting(FlywheelSettings.Definition d) {
    var value =
        d.editable()
            ? runtime.value(d.key())
            : config.getOptionalValue(d.key(), String.class).filter(v -> !v.isBlank());
    return new Setting(
        d.group(),
        d.key(),
        value.orElse(d.defaultValue()),
        value.isEmpty(),
        d.meaning(),
        d.editable(),
        d.editable() && runtime.isOverridden(d.key()));
  }

  /** An admin changes a setting on every node; audited. */
  public Setting update(String key, String value) {
    String k = key == null ? "" : key.strip();
    FlywheelSettings.check(k, value)
        .ifPresent(
            reason -> {
              throw new InvalidInputException(reason);
            });
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    AppSetting row = em.find(AppSetting.class, k);
    if (row == null) {
      em.persist(new AppSetting(k, v, caller()));
    } else {
      row.change(v, caller());
    }
    em.flush();
    audited.fire(new Audited("SETTING_CHANGED", "setting", k, v));
    runtime.changed();
    return find(k);
  }

  /** Back to the configured (or default) value; audited. */
  public Setting reset(String key) {
    String k = key == null ? "" : key.strip();
    if (!FlywheelSettings.isEditable(k)) {
      throw new InvalidInputException(k + " cannot be changed at run time");
    }
    AppSetting row = em.find(AppSetting.class, k);
    if (row != null) {
      em.remove(row);
      em.flush();
      audited.fire(new Audited("SETTING_RESET", "setting", k, null));
    }
    runtime.changed();
    return find(k);
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }

  private Setting find(String key) {
    return effective().stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new UnknownEntityException("no setting " + key));
  }

  /** Sends one tiny prompt to the endpoint and reports the answer or the failure. */
  public ConnectionTest testLlm() {
    if (!llm.isConfigured()) {
      return new ConnectionTest(
          false, "No LLM endpoint is configured (" + Settings.LLM_BASE_URL + " is empty).", 0);
    }
    long start = System.nanoTime();
    try {
      String reply = llm.complete("You answer health checks.", "Reply with the word OK.", false, 5);
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new ConnectionTest(
          true, "The endpoint (" + llm.model() + ") answered “" + reply.strip() + "”.", millis);
    } catch (RuntimeException e) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      return new ConnectionTest(false, "The endpoint failed: " + t.getMessage(), millis);
    }
  }
}
