package io.infodesk.portal.admin;

import io.infodesk.platform.boundary.SettingsService;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The flywheel settings: change or reset the run-time ones, and test the LLM connection. */
@Named
@ViewScoped
public class SettingsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB SettingsService settings;
  @Inject Shell shell;

  private boolean allowed;
  private List<SettingsService.Setting> effective = List.of();
  private SettingsService.ConnectionTest test;
  private final Map<String, String> edits = new HashMap<>();

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      effective = settings.effective();
      edits.clear();
      effective.forEach(s -> edits.put(s.key(), s.value()));
    }
  }

  public void save(String key) {
    try {
      var s = settings.update(key, edits.get(key));
      Messages.info(key + " is now " + s.value() + " on every node.");
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void reset(String key) {
    try {
      var s = settings.reset(key);
      Messages.info(key + " is back to " + s.value() + ".");
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public Map<String, String> getEdits() {
    return edits;
  }

  public void testConnection() {
    test = settings.testLlm();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<SettingsService.Setting> getEffective() {
    return effective;
  }

  public SettingsService.ConnectionTest getTest() {
    return test;
  }
}
