package io.infodesk.answering.control;

import io.infodesk.platform.control.PromptData;
import io.infodesk.retrieval.entity.Passage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prompt for a grounded answer, and reading back which passages the answer cites. */
public final class GroundedPrompt {

  private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})\\]");

  private GroundedPrompt() {}

  public static String system(String domainName) {
    return "You are the "
        + domainName
        + " expert of an employee help desk. Answer only from the numbered passages. Cite each"
        + " fact with its passage number in square brackets, like [1]. If the passages do not"
        + " answer the question, say that you do not know. Be brief: at most five sentences. "
        + PromptData.RULE;
  }

  public static String user(String question, List<Passage> passages) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < passages.size(); i++) {
      String title = passages.get(i).sourceTitle();
      if (passages.get(i).heading() != null && !passages.get(i).heading().isBlank()) {
        title += " — " + passages.get(i).heading();
      }
      p.append('[')
          .append(i + 1)
          .append("] ")
          .append(
              PromptData.wrap(
                  "passage", "n=\"" + (i + 1) + "\"", title + "\n" + passages.get(i).text()))
          .append("\n\n");
    }
    return p.append("Question: ").append(PromptData.wrap("question", question)).toString();
  }

  /** The passage numbers (1-based) that the answer cites and that exist. */
  public static List<Integer> cited(String answer, int passages) {
    Matcher m = CITATION.matcher(answer);
    java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n >= 1 && n <= passages) {
        numbers.add(n);
      }
    }
    return List.copyOf(numbers);
  }
}
