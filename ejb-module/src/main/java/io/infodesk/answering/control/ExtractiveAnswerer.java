package io.infodesk.answering.control;

import io.infodesk.answering.entity.Answer;
import io.infodesk.retrieval.entity.Passage;
import java.util.List;

/**
 * The answer when no LLM is configured: the best passages, each reduced to its most relevant
 * sentences with the question's words highlighted (the snippet retrieval made for this question),
 * numbered as citations and labelled as an extract.
 */
public final class ExtractiveAnswerer {

  private final int maxPassages;

  public ExtractiveAnswerer(int maxPassages) {
    this.maxPassages = maxPassages;
  }

  public Answer answer(String question, List<Passage> passages) {
    List<Passage> cited = passages.stream().limit(maxPassages).toList();
    StringBuilder html =
        new StringBuilder(
            "<p class=\"extract-label\">From the knowledge base (extract):</p><ol class=\"extract\">");
    for (int i = 0; i < cited.size(); i++) {
      Passage p = cited.get(i);
      html.append("<li>")
          .append(p.snippet())
          .append(" <a class=\"cite\" href=\"#cite-")
          .append(i + 1)
          .append("\">[")
          .append(i + 1)
          .append("]</a></li>");
    }
    html.append("</ol>");
    return new Answer(Answer.Mode.EXTRACTIVE, html.toString(), cited);
  }
}
