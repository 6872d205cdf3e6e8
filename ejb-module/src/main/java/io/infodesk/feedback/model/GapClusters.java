package io.infodesk.feedback.model;

import io.infodesk.platform.control.Vectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups questions that went unanswered or were rated down by meaning, so that owners see what to
 * write: each question joins the first group whose first question is at least {@code threshold}
 * similar (cosine of unit vectors), else starts a group. Groups come back largest first.
 */
public final class GapClusters {

  /** One question that the knowledge base did not serve well. */
  public record Question(String text, String domain, String reason, Instant at, float[] vector) {}

  /** A group: its first question stands for it. */
  public record Gap(
      String representative, String domain, List<Question> questions, Instant latest) {
    public String getRepresentative() {
      return representative;
    }

    public String getDomain() {
      return domain;
    }

    public int getSize() {
      return questions.size();
    }

    public List<String> getExamples() {
      return questions.stream().map(Question::text).distinct().limit(5).toList();
    }

    public Instant getLatest() {
      return latest;
    }

    public String getReasons() {
      return String.join(
          ", ", questions.stream().map(Question::reason).distinct().sorted().toList());
    }
  }

  private GapClusters() {}

  public static List<Gap> group(List<Question> questions, double threshold) {
    List<List<Question>> groups = new ArrayList<>();
    for (Question q : questions) {
      List<Question> home = null;
      for (List<Question> g : groups) {
        if (g.get(0).domain().equals(q.domain())
            && Vectors.dot(g.get(0).vector(), q.vector()) >= threshold) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(q);
    }
    return groups.stream()
        .map(
            g ->
                new Gap(
                    g.get(0).text(),
                    g.get(0).domain(),
                    List.copyOf(g),
                    g.stream().map(Question::at).max(Comparator.naturalOrder()).orElse(null)))
        .sorted(
            Comparator.comparingInt((Gap g) -> g.questions().size())
                .reversed()
                .thenComparing(Gap::latest, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }
}
