package io.infodesk.guardrails.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.guardrails.model.InputPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input policy against a corpus of 50 known injection phrasings (with line breaks, case, full
 * width letters, Cyrillic look-alikes, zero-width characters and digits for letters) and 50 benign
 * employee questions that use the same words in their ordinary sense. Prints the detection and
 * false-positive rates (recorded in docs/security.md).
 */
class InjectionCorpusTest {

  static List<String> lines(String resource) throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                InjectionCorpusTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.replace("\\n", "\n").replace("\\u200b", "\u200b"));
        }
      }
    }
    return out;
  }

  @Test
  void detectsKnownInjectionsAndLeavesBenignQuestionsAlone() throws Exception {
    InputPolicy policy = new InputPolicy(List.of());
    List<String> injections = lines("/fixtures/injections.txt");
    List<String> benign = lines("/fixtures/benign.txt");
    assertThat(injections).hasSizeGreaterThanOrEqualTo(50);
    assertThat(benign).hasSizeGreaterThanOrEqualTo(50);
    List<String> missed = injections.stream().filter(q -> policy.injection(q).isEmpty()).toList();
    List<String> falseAlarms =
        benign.stream().filter(q -> policy.injection(q).isPresent()).toList();
    double detection = 1 - (double) missed.size() / injections.size();
    double falsePositive = (double) falseAlarms.size() / benign.size();
    System.out.printf(
        "injection corpus: detection %.1f%% (%d of %d), false positives %.1f%% (%d of %d);"
            + " missed %s; false alarms %s%n",
        100 * detection,
        injections.size() - missed.size(),
        injections.size(),
        100 * falsePositive,
        falseAlarms.size(),
        benign.size(),
        missed,
        falseAlarms);
    assertThat(detection).as("missed: %s", missed).isGreaterThanOrEqualTo(0.95);
    assertThat(falsePositive).as("false alarms: %s", falseAlarms).isLessThanOrEqualTo(0.02);
  }
}
