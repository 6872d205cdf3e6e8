package io.infodesk.flywheel.boundary;

import io.infodesk.flywheel.control.CycleRecords;
import io.infodesk.flywheel.entity.FlywheelCycle;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.routing.entity.RouterModel;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the admins' flywheel dashboard shows, ready to render: the cycles with their steps, the
 * funnel and accuracy charts, the comparison of teacher, incumbent and candidates, and a model's
 * confusion matrix.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class DashboardService {

  /** One step of a cycle. */
  public record Step(String name, String status, Double seconds, String detail) {
    public String getName() {
      return name;
    }

    public String getStatus() {
      return status;
    }

    public Double getSeconds() {
      return seconds;
    }

    public String getDetail() {
      return detail;
    }
  }

  /** A cycle as the dashboard lists it. */
  public record CycleRow(
      long id,
      String trigger,
      String status,
      Instant startedAt,
      Instant finishedAt,
      String failure,
      List<Step> steps,
      Map<String, Long> funnel) {
    public long getId() {
      return id;
    }

    public String getTrigger() {
      return trigger;
    }

    public String getStatus() {
      return status;
    }

    public Instant getStartedAt() {
      return startedAt;
    }

    public Instant getFinishedAt() {
      return finishedAt;
    }

    public String getFailure() {
      return failure;
    }

    public List<Step> getSteps() {
      return steps;
    }

    public Map<String, Long> getFunnel() {
      return funnel;
    }
  }

  /** A model in the comparison table. */
  public record Comparison(
      Long modelId,
      String role,
      String version,
      String status,
      double accuracy,
      double macroF1,
      double oosRecall,
      double p50Micros,
      double p95Micros,
      double askPathP95Micros,
      Long parameters,
      Long bytes,
      double costPer1000Routes,
      String gate) {
    public Long getModelId() {
      return modelId;
    }

    public String getRole() {
      return role;
    }

    public String getVersion() {
      return version;
    }

    public String getStatus() {
      return status;
    }

    public double getAccuracy() {
      return accuracy;
    }

    public double getMacroF1() {
      return macroF1;
    }

    public double getOosRecall() {
      return oosRecall;
    }

    public double getP50Micros() {
      return p50Micros;
    }

    public double getP95Micros() {
      return p95Micros;
    }

    /**
     * The p95 given the question's vector, as the ask path routes: what the gate's budget bounds.
     */
    public double getAskPathP95Micros() {
      return askPathP95Micros;
    }

    public Long getParameters() {
      return parameters;
    }

    public Long getBytes() {
      return bytes;
    }

    public double getCostPer1000Routes() {
      return costPer1000Routes;
    }

    public String getGate() {
      return gate;
    }

    public boolean isPromotable() {
      return modelId != null && ("CANDIDATE".equals(status) || "SHADOW".equals(status));
    }
  }

  /** A confusion matrix: {@code counts.get(i).get(j)} questions of label i routed to label j. */
  public record Confusion(String version, List<String> labels, List<List<Integer>> counts) {
    public String getVersion() {
      return version;
    }

    public List<String> getLabels() {
      return labels;
    }

    public List<List<Integer>> getCounts() {
      return counts;
    }
  }

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.routing.boundary.ModelStore modelStore;

  public List<CycleRow> cycles(int max) {
    return em
        .createNamedQuery(FlywheelCycle.FIND_ALL, FlywheelCycle.class)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(DashboardService::row)
        .toList();
  }

  static CycleRow row(FlywheelCycle c) {
    JsonObject steps = CycleRecords.read(c.getSteps());
    List<Step> list = new ArrayList<>();
    for (String name :
        "TRAINING".equals(c.getTrigger()) ? FlywheelSteps.TRAINING_STEPS : FlywheelSteps.STEPS) {
      JsonObject s = steps.containsKey(name) ? steps.getJsonObject(name) : null;
      list.add(
          s == null
              ? new Step(name, "WAITING", null, "")
              : new Step(
                  name,
                  s.getString("status", ""),
                  s.containsKey("millis") ? s.getJsonNumber("millis").longValue() / 1000.0 : null,
                  s.getString("detail", "")));
    }
    Map<String, Long> funnel = new LinkedHashMap<>();
    CycleRecords.read(c.getFunnel())
        .forEach(
            (k, v) -> {
              if (v instanceof JsonNumber n) {
                funnel.put(k, n.longValue());
              }
            });
    return new CycleRow(
        c.getId(),
        c.getTrigger(),
        c.getStatus(),
        c.getStartedAt(),
        c.getFinishedAt(),
        c.getFailure(),
        list,
        funnel);
  }

  /** The funnel of a cycle: how many items each stage kept, by stage key. */
  public Map<String, Long> funnel(long cycleId) {
    FlywheelCycle c = em.find(FlywheelCycle.class, cycleId);
    if (c == null) {
      throw new UnknownEntityException("no flywheel cycle " + cycleId);
    }
    return row(c).funnel();
  }

  /**
   * Accuracy of every model version in training order, beside its teacher's: one series per
   * architecture, null where a version is of the other architecture.
   */
  public record AccuracyByVersion(
      List<String> versions, List<Double> ngram, List<Double> mlp, List<Double> teacher) {}

  /** Accuracy of every model version in training order, beside its teacher's. */
  public AccuracyByVersion accuracyByVersion() {
    List<RouterModel> models = modelsOldestFirst();
    List<String> x = new ArrayList<>();
    List<Double> ngram = new ArrayList<>();
    List<Double> mlp = new ArrayList<>();
    List<Double> teacher = new ArrayList<>();
    for (RouterModel m : models) {
      JsonObject metrics = CycleRecords.read(m.getMetrics());
      x.add(m.getVersion());
      Double accuracy = number(metrics, "accuracy");
      ngram.add("ngram".equals(m.getArchitecture()) ? accuracy : null);
      mlp.add("minilm-mlp".equals(m.getArchitecture()) ? accuracy : null);
      teacher.add(
          metrics.containsKey("teacher")
              ? number(metrics.getJsonObject("teacher"), "accuracy")
              : null);
    }
    return new AccuracyByVersion(x, ngram, mlp, teacher);
  }

  /**
   * The latest training run side by side: its teacher and incumbent (as scored in that run), then
   * each of its candidates.
   */
  public List<Comparison> comparison() {
    List<RouterModel> models = modelsOldestFirst();
    if (models.isEmpty()) {
      return List.of();
    }
    String stamp = stamp(models.get(models.size() - 1));
    List<RouterModel> run = models.stream().filter(m -> stamp(m).equals(stamp)).toList();
    List<Comparison> rows = new ArrayList<>();
    JsonObject first = CycleRecords.read(run.get(0).getMetrics());
    if (first.containsKey("teacher")) {
      rows.add(summary("teacher", first.getJsonObject("teacher")));
    }
    if (first.get("incumbent") instanceof JsonObject incumbent
        && !incumbent
            .getString("version", "")
            .equals(
                first.containsKey("teacher")
                    ? first.getJsonObject("teacher").getString("version", "")
                    : "")) {
      rows.add(summary("incumbent", incumbent));
    }
    for (RouterModel m : run) {
      JsonObject metrics = CycleRecords.read(m.getMetrics());
      JsonObject gate = CycleRecords.read(m.getGate());
      rows.add(
          new Comparison(
              m.getId(),
              "candidate",
              m.getVersion(),
              m.getStatus().name(),
              orZero(number(metrics, "accuracy")),
              orZero(number(metrics, "macroF1")),
              orZero(number(metrics, "oosRecall")),
              orZero(number(metrics, "p50Micros")),
              orZero(number(metrics, "p95Micros")),
              orZero(number(metrics, "askPathP95Micros")),
              m.getParameters(),
              m.getSizeBytes(),
              orZero(number(metrics, "costPer1000Routes")),
              gate.getBoolean("pass", false)
                  ? "passed"
                  : String.join(
                      "; ",
                      gate.containsKey("reasons")
                          ? gate.getJsonArray("reasons").getValuesAs(JsonValue::toString)
                          : List.of())));
    }
    return rows;
  }

  public Confusion confusion(long modelId) {
    RouterModel m =
        modelStore
            .find(modelId)
            .orElseThrow(() -> new UnknownEntityException("no router model " + modelId));
    JsonObject confusion = CycleRecords.read(m.getMetrics()).getJsonObject("confusion");
    List<String> labels = new ArrayList<>();
    if (confusion != null) {
      confusion.forEach(
          (gold, row) -> {
            if (!labels.contains(gold)) {
              labels.add(gold);
            }
            row.asJsonObject().keySet().stream()
                .filter(k -> !labels.contains(k))
                .forEach(labels::add);
          });
    }
    List<List<Integer>> counts = new ArrayList<>();
    for (String gold : labels) {
      List<Integer> row = new ArrayList<>();
      JsonObject r = confusion.containsKey(gold) ? confusion.getJsonObject(gold) : null;
      for (String predicted : labels) {
        row.add(r != null && r.containsKey(predicted) ? r.getInt(predicted) : 0);
      }
      counts.add(row);
    }
    return new Confusion(m.getVersion(), labels, counts);
  }

  private List<RouterModel> modelsOldestFirst() {
    return modelStore.all().stream()
        .sorted(Comparator.comparing(RouterModel::getCreatedAt).thenComparing(RouterModel::getId))
        .toList();
  }

  /** Candidates of one training run share the suffix of their version (the run's timestamp). */
  static String stamp(RouterModel m) {
    String v = m.getVersion();
    return v.substring(v.lastIndexOf('-') + 1);
  }

  private static Comparison summary(String role, JsonObject o) {
    return new Comparison(
        null,
        role,
        o.getString("version", role),
        role.equals("teacher") ? "TEACHER" : "ACTIVE",
        orZero(number(o, "accuracy")),
        orZero(number(o, "macroF1")),
        orZero(number(o, "oosRecall")),
        orZero(number(o, "p50Micros")),
        orZero(number(o, "p95Micros")),
        orZero(number(o, "askPathP95Micros")),
        null,
        null,
        orZero(number(o, "costPer1000Routes")),
        "");
  }

  private static Double number(JsonObject o, String key) {
    return o.get(key) instanceof JsonNumber n ? n.doubleValue() : null;
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }
}
