package io.infodesk.guardrails.model;

import io.infodesk.platform.control.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that each sentence of a generated answer is supported by the retrieved passages: most of
 * its content words must appear in them. Returns the sentences that are not.
 */
public final class GroundingCheck {

  private final double minSupport;

  public GroundingCheck(double minSupport) {
    this.minSupport = minSupport;
  }

  public List<String> unsupported(String answer, List<String> passages) {
    Set<String> evidence = new HashSet<>();
    for (String p : passages) {
      evidence.addAll(Text.terms(p));
    }
    List<String> unsupported = new ArrayList<>();
    for (String sentence : Text.sentences(answer.replaceAll("\\[\\d+\\]", ""))) {
      Set<String> terms = Text.terms(sentence);
      if (terms.size() < 3) {
        continue;
      }
      long supported = terms.stream().filter(evidence::contains).count();
      if ((double) supported / terms.size() < minSupport) {
        unsupported.add(sentence);
      }
    }
    return unsupported;
  }
}
