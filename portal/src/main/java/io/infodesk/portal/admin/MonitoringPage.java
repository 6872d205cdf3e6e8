package io.infodesk.portal.admin;

import io.infodesk.feedback.boundary.MonitoringService;
import io.infodesk.portal.shell.Shell;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Monitoring over time: volume, satisfaction, route latency and guardrail events per day. */
@Named
@ViewScoped
public class MonitoringPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB MonitoringService monitoring;
  @Inject Shell shell;

  private int days = 14;
  private MonitoringService.Monitoring data;

  @PostConstruct
  void load() {
    if (shell.hasRole(Role.ADMIN_NAME)) {
      data = monitoring.lastDays(days);
    }
  }

  public void reload() {
    data = monitoring.lastDays(days);
  }

  public boolean isAllowed() {
    return data != null;
  }

  public MonitoringService.Monitoring getData() {
    return data;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
