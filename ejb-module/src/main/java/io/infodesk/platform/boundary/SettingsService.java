package io.infodesk.platform.boundary;

import io.infodesk.platform.control.EditableSettings;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.entity.AppSetting;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.registry.control.PromotionGate;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
  @EJB AuditService audit;
  @PersistenceContext EntityManager em;
  @jakarta.annotation.Resource jakarta.ejb.SessionContext context;

  public List<Setting> effective() {
    PromotionGate.Bounds gates = PromotionGate.Bounds.defaults();
    return List.of(
        setting(
            "Schedule",
            "infodesk.flywheel.schedule",
            "0 3 * * *",
            "when train nodes run a cycle (cron), or off"),
        setting(
            "Schedule",
            "infodesk.flywheel.auto-promote",
            "false",
            "promote the best passing candidate without an admin"),
        setting(
            "Gates",
            "infodesk.gates.accuracy-tolerance",
            String.valueOf(gates.accuracyTolerance()),
            "accuracy may be at most this below the teacher's"),
        setting(
            "Gates",
            "infodesk.gates.max-domain-f1-drop",
            String.valueOf(gates.maxDomainF1Drop()),
            "no domain's F1 may drop more than this against the incumbent"),
        setting(
            "Gates",
            "infodesk.gates.p95-budget-micros",
            String.valueOf(gates.p95BudgetMicros()),
            "p95 route latency budget (µs)"),
        setting(
            "Drift", "infodesk.drift.check-minutes", "15", "how often train nodes check for drift"),
        setting(
            "Drift",
            "infodesk.drift.window",
            "200",
            "ratings and shadow comparisons in the sliding window"),
        setting("Drift", "infodesk.drift.min-window", "50", "smallest window judged"),
        setting(
            "Drift",
            "infodesk.drift.min-satisfaction",
            "0.6",
            "below this satisfaction a cycle starts"),
        setting(
            "Drift",
            "infodesk.drift.min-agreement",
            "0.8",
            "below this shadow agreement a cycle starts"),
        setting("Judge and reviews", "infodesk.judge.mode", "auto", "auto, llm or embedded"),
        setting(
            "Judge and reviews",
            "infodesk.judge.satisfied-sample",
            "0.1",
            "share of satisfied ratings judged too"),
        setting(
            "Judge and reviews", "infodesk.review.reviewers", "1", "votes each review item needs"),
        setting(
            "Judge and reviews", "infodesk.review.consensus", "majority", "majority or unanimous"),
        setting(
            "LLM endpoint",
            Settings.LLM_BASE_URL,
            "",
            "OpenAI-compatible endpoint; empty: embedded router and extractive answers"),
        setting("LLM endpoint", Settings.LLM_MODEL, "", "model name sent to the endpoint"),
        new Setting(
            "LLM endpoint",
            Settings.LLM_API_KEY,
            config
                    .getOptionalValue(Settings.LLM_API_KEY, String.class)
                    .filter(k -> !k.isBlank())
                    .isPresent()
                ? "(set)"
                : "(not set)",
            config.getOptionalValue(Settings.LLM_API_KEY, String.class).isEmpty(),
            "sent as a bearer token; never shown",
            false,
            false));
  }

  private Setting setting(String group, String key, String fallback, String meaning) {
    boolean editable = EditableSettings.isEditable(key);
    var value =
        editable
            ? runtime.value(key)
            : config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    return new Setting(
        group,
        key,
        value.orElse(fallback),
        value.isEmpty(),
        meaning,
        editable,
        editable && runtime.isOverridden(key));
  }

  /** An admin changes a setting on every node; audited. */
  public Setting update(String key, String value) {
    String k = key == null ? "" : key.strip();
    EditableSettings.check(k, value)
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
    audit.record("SETTING_CHANGED", "setting", k, v);
    runtime.changed();
    return find(k);
  }

  /** Back to the configured (or default) value; audited. */
  public Setting reset(String key) {
    String k = key == null ? "" : key.strip();
    if (!EditableSettings.isEditable(k)) {
      throw new InvalidInputException(k + " cannot be changed at run time");
    }
    AppSetting row = em.find(AppSetting.class, k);
    if (row != null) {
      em.remove(row);
      em.flush();
      audit.record("SETTING_RESET", "setting", k, null);
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
