package io.infodesk.portal.flywheel;

import io.infodesk.flywheel.boundary.DashboardService;
import io.infodesk.flywheel.boundary.FlywheelService;
import io.infodesk.portal.shell.Charts;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import io.infodesk.registry.boundary.RegistryService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The admins' flywheel dashboard: cycles with live step progress, the funnel and accuracy charts,
 * the comparison table with promote and rollback, a candidate's confusion matrix, and "run a cycle
 * now". A thin view over {@link DashboardService}, which checks the admin role again.
 */
@Named
@ViewScoped
public class FlywheelDashboard implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB DashboardService dashboard;
  @EJB FlywheelService flywheel;
  @EJB RegistryService registry;
  @EJB io.infodesk.flywheel.boundary.TrafficSimulation simulation;
  @Inject Shell shell;

  private boolean allowed;
  private boolean demo;
  private List<DashboardService.CycleRow> cycles = List.of();
  private List<DashboardService.Comparison> comparison = List.of();
  private Long selectedCycle;
  private Long selectedModel;
  private String funnelChart;
  private String accuracyChart;
  private DashboardService.Confusion confusion;

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      demo = simulation.enabled();
      refresh();
    }
  }

  /**
   * While a cycle runs, the poll re-reads only the cycles and the funnel; the models, charts and
   * matrix are read again once it has finished.
   */
  public void poll() {
    readCycles();
    if (!isRunning()) {
      refresh();
    }
  }

  /** Re-reads everything. */
  public void refresh() {
    readCycles();
    comparison = dashboard.comparison();
    accuracyChart = comparison.isEmpty() ? null : accuracyChart(dashboard.accuracyByVersion());
    if (selectedModel == null) {
      selectedModel =
          comparison.stream()
              .map(DashboardService.Comparison::modelId)
              .filter(id -> id != null)
              .findFirst()
              .orElse(null);
    }
    confusion = selectedModel == null ? null : dashboard.confusion(selectedModel);
  }

  private void readCycles() {
    cycles = dashboard.cycles(15);
    if (selectedCycle == null || cycles.stream().noneMatch(c -> c.id() == selectedCycle)) {
      selectedCycle = cycles.isEmpty() ? null : cycles.get(0).id();
    }
    funnelChart = selectedCycle == null ? null : Charts.funnel(dashboard.funnel(selectedCycle));
  }

  static String accuracyChart(DashboardService.AccuracyByVersion a) {
    return Charts.lines(
        "Accuracy on the frozen evaluation set",
        a.versions(),
        List.of(
            new Charts.Series("n-gram student", a.ngram(), "#16a34a"),
            new Charts.Series("MiniLM MLP student", a.mlp(), "#9333ea"),
            new Charts.Series("teacher", a.teacher(), "#f97316")));
  }

  public boolean isRunning() {
    return cycles.stream().anyMatch(c -> "RUNNING".equals(c.status())) || isSimulating();
  }

  /** Demo mode offers "simulate a week of traffic". */
  public boolean isDemo() {
    return demo;
  }

  public boolean isSimulating() {
    return demo && simulation.progress().running();
  }

  public SimulationView getSimulation() {
    return new SimulationView(simulation.progress());
  }

  /** A simulated week's progress as the page reads it (EL 5 reads getters, not records). */
  public static final class SimulationView {
    private final io.infodesk.flywheel.boundary.TrafficSimulation.Progress p;

    SimulationView(io.infodesk.flywheel.boundary.TrafficSimulation.Progress p) {
      this.p = p;
    }

    public int getWeek() {
      return p.week();
    }

    public String getStatus() {
      return p.status();
    }

    public int getPercent() {
      return p.percent();
    }

    public int getTotal() {
      return p.total();
    }

    public int getAsked() {
      return p.asked();
    }

    public int getMisrouted() {
      return p.misrouted();
    }

    public int getRatedDown() {
      return p.ratedDown();
    }

    public int getReviewed() {
      return p.reviewed();
    }

    public String getMessage() {
      return p.message();
    }
  }

  public void simulateWeek() {
    try {
      var p = simulation.start();
      Messages.info("Simulating week " + p.week() + ": " + p.total() + " employee questions.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void runCycle() {
    try {
      var c = flywheel.startByAdmin();
      selectedCycle = c.getId();
      Messages.info("Flywheel cycle " + c.getId() + " started.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void selectCycle(long id) {
    selectedCycle = id;
    refresh();
  }

  public void showConfusion(Long modelId) {
    selectedModel = modelId;
    refresh();
  }

  public void promote(Long modelId) {
    try {
      var m = registry.promote(modelId);
      Messages.info(m.getVersion() + " is now the live router.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void rollback() {
    try {
      Messages.info("Rolled back: " + registry.rollback() + " routes again.");
    } catch (RuntimeException e) {
      Messages.error(e);
    }
    refresh();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<DashboardService.CycleRow> getCycles() {
    return cycles;
  }

  public List<DashboardService.Comparison> getComparison() {
    return comparison;
  }

  public Long getSelectedCycle() {
    return selectedCycle;
  }

  public String getFunnelChart() {
    return funnelChart;
  }

  public String getAccuracyChart() {
    return accuracyChart;
  }

  public DashboardService.Confusion getConfusion() {
    return confusion;
  }
}
