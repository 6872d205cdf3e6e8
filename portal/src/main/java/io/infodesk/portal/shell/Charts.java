package io.infodesk.portal.shell;

import io.infodesk.platform.control.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations, as JSON, for PrimeFaces' chart component, built in the portal from the
 * data series the services return: the flywheel funnel as bars, accuracy per model version and the
 * monitoring days as lines, datasets' labels as bars.
 */
public final class Charts {

  /** The funnel's stages, in order, with the labels people read. */
  public static final List<Map.Entry<String, String>> FUNNEL =
      List.of(
          Map.entry("feedback", "Feedback"),
          Map.entry("unsatisfied", "Unsatisfied"),
          Map.entry("flaggedMisroutes", "Flagged misroutes"),
          Map.entry("smeConfirmedMisroutes", "SME-confirmed"),
          Map.entry("groundTruth", "Ground truth"));

  /** One point of a series; null values leave a gap. */
  public record Series(String label, List<Double> values, String color) {}

  private Charts() {}

  /** A horizontal bar per funnel stage; stages the cycle has not reached yet are 0. */
  public static String funnel(Map<String, ? extends Number> funnel) {
    JsonArrayBuilder labels = Jsons.JSON.createArrayBuilder();
    JsonArrayBuilder data = Jsons.JSON.createArrayBuilder();
    for (Map.Entry<String, String> stage : FUNNEL) {
      labels.add(stage.getValue());
      Number n = funnel.get(stage.getKey());
      data.add(n == null ? 0 : n.longValue());
    }
    return Jsons.JSON
        .createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Jsons.JSON
                .createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Jsons.JSON
                        .createArrayBuilder()
                        .add(
                            Jsons.JSON
                                .createObjectBuilder()
                                .add("label", "Examples")
                                .add("data", data)
                                .add("backgroundColor", "#3b82f6"))))
        .add(
            "options",
            Jsons.JSON
                .createObjectBuilder()
                .add("indexAxis", "y")
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Jsons.JSON
                        .createObjectBuilder()
                        .add("legend", Jsons.JSON.createObjectBuilder().add("display", false))))
        .build()
        .toString();
  }

  /** Lines over the x labels (model versions in training order), values in percent. */
  public static String lines(String title, List<String> x, List<Series> series) {
    return lines(title, x, series, "%", true);
  }

  /** One bar per label, for counts such as examples per label. */
  public static String bars(String title, List<String> labels, List<? extends Number> values) {
    JsonArrayBuilder l = Jsons.JSON.createArrayBuilder();
    labels.forEach(l::add);
    JsonArrayBuilder v = Jsons.JSON.createArrayBuilder();
    values.forEach(n -> v.add(n.longValue()));
    return Jsons.JSON
        .createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Jsons.JSON
                .createObjectBuilder()
                .add("labels", l)
                .add(
                    "datasets",
                    Jsons.JSON
                        .createArrayBuilder()
                        .add(
                            Jsons.JSON
                                .createObjectBuilder()
                                .add("label", title)
                                .add("data", v)
                                .add("backgroundColor", "#6366f1"))))
        .add(
            "options",
            Jsons.JSON
                .createObjectBuilder()
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Jsons.JSON
                        .createObjectBuilder()
                        .add("legend", Jsons.JSON.createObjectBuilder().add("display", false))
                        .add(
                            "title",
                            Jsons.JSON
                                .createObjectBuilder()
                                .add("display", true)
                                .add("text", title))))
        .build()
        .toString();
  }

  /**
   * Lines over the x labels.
   *
   * @param percent values are shares (0..1) shown as percent on a 0-100 axis
   */
  public static String lines(
      String title, List<String> x, List<Series> series, String yTitle, boolean percent) {
    JsonArrayBuilder labels = Jsons.JSON.createArrayBuilder();
    x.forEach(labels::add);
    JsonArrayBuilder datasets = Jsons.JSON.createArrayBuilder();
    for (Series s : series) {
      if (s.values().size() != x.size()) {
        throw new IllegalArgumentException(s.label() + " needs one value per x label");
      }
      JsonArrayBuilder points = Jsons.JSON.createArrayBuilder();
      for (Double v : s.values()) {
        if (v == null) {
          points.addNull();
        } else {
          points.add(percent ? Math.round(v * 1000) / 10.0 : Math.round(v * 100) / 100.0);
        }
      }
      datasets.add(
          Jsons.JSON
              .createObjectBuilder()
              .add("label", s.label())
              .add("data", points)
              .add("borderColor", s.color())
              .add("backgroundColor", s.color())
              .add("spanGaps", true)
              .add("tension", 0.2));
    }
    JsonObjectBuilder y =
        Jsons.JSON
            .createObjectBuilder()
            .add("min", 0)
            .add(
                "title", Jsons.JSON.createObjectBuilder().add("display", true).add("text", yTitle));
    if (percent) {
      y.add("max", 100);
    }
    return Jsons.JSON
        .createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Jsons.JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Jsons.JSON
                .createObjectBuilder()
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Jsons.JSON.createObjectBuilder().add("y", y))
                .add(
                    "plugins",
                    Jsons.JSON
                        .createObjectBuilder()
                        .add(
                            "title",
                            Jsons.JSON
                                .createObjectBuilder()
                                .add("display", true)
                                .add("text", title))))
        .build()
        .toString();
  }
}
