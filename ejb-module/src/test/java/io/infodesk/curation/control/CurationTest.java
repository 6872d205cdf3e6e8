package io.infodesk.curation.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.curation.model.Curation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CurationTest {

  static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  @Test
  void removesExactAndNearDuplicatesWithinALabel() {
    List<Curation.Example> in =
        List.of(
            new Curation.Example("How do I reset my password?", "it", unit(1, 0, 0)),
            new Curation.Example("how do I  reset my PASSWORD?", "it", unit(0, 1, 0)),
            new Curation.Example("Password reset please", "it", unit(0.99f, 0.05f, 0)),
            new Curation.Example("When is payday?", "finance", unit(1, 0.01f, 0)),
            new Curation.Example("VPN is down", "it", unit(0, 0, 1)));
    List<Curation.Example> kept = Curation.deduplicate(in, 0.95);
    assertThat(kept)
        .extracting(Curation.Example::text)
        .containsExactly("How do I reset my password?", "When is payday?", "VPN is down");
    assertThat(Curation.deduplicate(in, 1.01)).hasSize(4);
  }

  @Test
  void anEncoderThatCannotReadTheScriptDoesNotMakeOneQuestionOfALabel() {
    // MiniLM knows almost no Chinese character: unrelated questions get nearly the same vector
    float[] unread = unit(1, 0.01f, 0);
    List<Curation.Example> in =
        List.of(
            new Curation.Example("我忘了密码", "it", unread),
            new Curation.Example("打印机坏了", "it", unread),
            // the first with a particle more (n-gram cosine 0.75)
            new Curation.Example("我忘了密码了", "it", unread),
            // shares only the common "我忘了" with the first (0.26)
            new Curation.Example("我忘了打印机在哪里", "it", unread),
            // a paraphrase sharing less than half its n-grams (0.48) is one more example
            new Curation.Example("我忘了我的密码", "it", unread));
    assertThat(Curation.deduplicate(in, 0.98))
        .extracting(Curation.Example::text)
        .as("the printer questions are other questions; the second password question is not")
        .containsExactly("我忘了密码", "打印机坏了", "我忘了打印机在哪里", "我忘了我的密码");
  }

  @Test
  void splitsEachLabelInTheSameRatioReproducibly() {
    List<Curation.Example> in = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      in.add(new Curation.Example("hr " + i, "hr", unit(1, 0)));
    }
    for (int i = 0; i < 10; i++) {
      in.add(new Curation.Example("it " + i, "it", unit(0, 1)));
    }
    in.add(new Curation.Example("lonely", "finance", unit(1, 1)));
    Curation.Split s = Curation.stratified(in, 0.2, 7);
    Map<String, Long> eval =
        s.eval().stream()
            .collect(Collectors.groupingBy(Curation.Example::label, Collectors.counting()));
    assertThat(eval).containsEntry("hr", 8L).containsEntry("it", 2L).doesNotContainKey("finance");
    assertThat(s.train()).hasSize(41);
    assertThat(s.train()).doesNotContainAnyElementsOf(s.eval());
    assertThat(Curation.stratified(in, 0.2, 7).eval()).isEqualTo(s.eval());
    assertThat(Curation.stratified(in, 0.2, 8).eval()).isNotEqualTo(s.eval());
  }
}
