package io.infodesk.portal.admin;

import io.infodesk.platform.boundary.SettingsService;
import io.infodesk.portal.shell.Shell;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The effective flywheel settings and the LLM endpoint's "test connection". */
@Named
@ViewScoped
public class SettingsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB SettingsService settings;
  @Inject Shell shell;

  private boolean allowed;
  private List<SettingsService.Setting> effective = List.of();
  private SettingsService.ConnectionTest test;

  @PostConstruct
  void load() {
    allowed = shell.hasRole(Role.ADMIN_NAME);
    if (allowed) {
      effective = settings.effective();
    }
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
