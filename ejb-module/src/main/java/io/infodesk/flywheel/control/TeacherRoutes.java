package io.infodesk.flywheel.control;

import io.infodesk.curation.model.Curation;
import io.infodesk.evaluation.model.RoutingMetrics;
import io.infodesk.flywheel.control.TrainingPipeline.Scored;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's routes of a cycle's frozen evaluation set, as the judge step asked them, so that
 * the train step of the same cycle does not ask them again: with an LLM teacher each route is a
 * paid call. Only the latest cycle's are kept, in memory: a train step that finds none (after a
 * restart, or in an admin's training job, which has no judge step) scores the teacher itself.
 */
@ApplicationScoped
public class TeacherRoutes {

  private record Asked(long cycleId, String version, Map<String, Integer> index, Scored scored) {}

  private volatile Asked last;

  /** What the judge step of cycle {@code cycleId} got from the teacher on {@code examples}. */
  public void remember(long cycleId, List<Curation.Example> examples, Scored scored) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      index.putIfAbsent(examples.get(i).text(), i);
    }
    last = new Asked(cycleId, scored.version(), index, scored);
  }

  /**
   * The same teacher's routes of {@code examples} in this cycle, in their order and scored on their
   * labels (an SME may have corrected one since); empty when the cycle, the teacher or any question
   * differs.
   *
   * @param domains the labels that are domains, as {@link TrainingPipeline#domains} gives them
   */
  public Optional<Scored> recall(
      long cycleId, String version, List<Curation.Example> examples, List<String> domains) {
    Asked asked = last;
    if (asked == null || asked.cycleId() != cycleId || !asked.version().equals(version)) {
      return Optional.empty();
    }
    List<String> predicted = new ArrayList<>();
    List<Double> micros = new ArrayList<>();
    List<Double> askPath = new ArrayList<>();
    for (Curation.Example e : examples) {
      Integer i = asked.index().get(e.text());
      if (i == null) {
        return Optional.empty();
      }
      predicted.add(asked.scored().predicted().get(i));
      micros.add(asked.scored().micros().get(i));
      askPath.add(asked.scored().askPathMicros().get(i));
    }
    List<String> gold = examples.stream().map(Curation.Example::label).toList();
    return Optional.of(
        new Scored(
            version,
            List.copyOf(predicted),
            List.copyOf(micros),
            List.copyOf(askPath),
            RoutingMetrics.score(domains, gold, predicted)));
  }
}
