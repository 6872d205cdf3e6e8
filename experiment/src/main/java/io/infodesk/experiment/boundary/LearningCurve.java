package io.infodesk.experiment.boundary;

import io.infodesk.experiment.control.ExperimentReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learning curve as a picture: the live router's accuracy per cycle, with the ceilings. */
final class LearningCurve {

  static final String FILE = "learning-curve.png";

  private LearningCurve() {}

  static void write(ExperimentReport report, Path png) throws IOException {
    List<ExperimentReport.CycleRow> cycles = report.cycles();
    double[] x = IntStream.rangeClosed(0, cycles.size()).asDoubleStream().toArray();
    double teacher = report.models().get(0).accuracy();
    double[] live = new double[cycles.size() + 1];
    live[0] = 100 * teacher;
    for (int i = 0; i < cycles.size(); i++) {
      live[i + 1] = 100 * cycles.get(i).accuracy();
    }
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(480)
            .title("The flywheel on " + report.dataset() + ": live router on the test split")
            .xAxisTitle("cycle (0 = the teacher alone)")
            .yAxisTitle("accuracy %")
            .build();
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0");
    XYSeries curve = chart.addSeries("live router", x, live);
    curve.setMarker(SeriesMarkers.CIRCLE);
    for (ExperimentReport.ModelRow m : report.models()) {
      if (m.name().startsWith("ceiling")) {
        double[] flat = new double[x.length];
        java.util.Arrays.fill(flat, 100 * m.accuracy());
        chart.addSeries(m.name(), x, flat).setMarker(SeriesMarkers.NONE);
      }
    }
    double[] flat = new double[x.length];
    java.util.Arrays.fill(flat, 100 * teacher);
    chart.addSeries("teacher", x, flat).setMarker(SeriesMarkers.NONE);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
