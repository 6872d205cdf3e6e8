package io.infodesk.portal.admin;

import io.infodesk.feedback.boundary.MonitoringService;
import io.infodesk.feedback.entity.Day;
import io.infodesk.portal.shell.Charts;
import io.infodesk.portal.shell.Shell;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

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
    if (shell.mayOpenThisPage()) {
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

  private List<String> x() {
    return data.days().stream().map(d -> d.day().toString()).toList();
  }

  public String getVolumeChart() {
    return Charts.lines(
        "Questions and guardrail events per day",
        x(),
        List.of(
            new Charts.Series(
                "questions",
                data.days().stream().map(d -> (double) d.questions()).toList(),
                "#4338ca"),
            new Charts.Series(
                "guardrail events",
                data.days().stream().map(d -> (double) d.guardrailEvents()).toList(),
                "#dc2626")),
        "count",
        false);
  }

  public String getSatisfactionChart() {
    return Charts.lines(
        "Satisfaction (share of ratings that were helpful)",
        x(),
        List.of(
            new Charts.Series(
                "satisfied", data.days().stream().map(Day::satisfaction).toList(), "#16a34a")),
        "%",
        true);
  }

  public String getLatencyChart() {
    return Charts.lines(
        "Median route latency",
        x(),
        List.of(
            new Charts.Series(
                "route p50", data.days().stream().map(Day::routeP50Millis).toList(), "#f97316")),
        "ms",
        false);
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
