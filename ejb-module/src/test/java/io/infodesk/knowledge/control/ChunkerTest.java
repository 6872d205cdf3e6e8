package io.infodesk.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  final Chunker chunker = new Chunker(40, 8);

  static String words(String prefix, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(prefix).append(i).append(i % 10 == 9 ? ". " : " ");
    }
    return s.toString().strip();
  }

  @Test
  void chunksNeverCrossHeadingsAndCarryTheHeadingPath() {
    String text =
        "# Leave policy\n\nIntro paragraph here.\n\n## Parental leave\n\nParents get sixteen weeks.\n\n"
            + "## Sick leave\n\nTell your manager before ten.\n";
    List<Chunker.Chunk> chunks = chunker.chunk(text);
    assertThat(chunks)
        .extracting(Chunker.Chunk::heading)
        .containsExactly(
            "Leave policy", "Leave policy › Parental leave", "Leave policy › Sick leave");
    assertThat(chunks.get(1).text()).isEqualTo("Parents get sixteen weeks.");
  }

  @Test
  void longSectionsSplitWithOverlapAndBoundedSize() {
    String text = "# Big\n\n" + words("a", 50) + "\n\n" + words("b", 50) + "\n\n" + words("c", 30);
    List<Chunker.Chunk> chunks = chunker.chunk(text);
    assertThat(chunks.size()).isGreaterThan(3);
    for (Chunker.Chunk c : chunks) {
      assertThat(Chunker.wordCount(c.text())).isLessThanOrEqualTo(40 + 8);
    }
    // consecutive chunks share words (the overlap)
    String end = chunks.get(0).text().replaceAll(".*\\s", "");
    assertThat(chunks.get(1).text()).contains(end);
    // no word is lost
    String all = String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList());
    for (String w : List.of("a0", "a49", "b0", "b49", "c29")) {
      assertThat(all).contains(w);
    }
  }

  @Test
  void textWithoutHeadingsIsOneSectionAndBlankTextGivesNothing() {
    assertThat(chunker.chunk("Just a line.\nAnd another."))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.heading()).isEmpty();
              assertThat(c.text()).isEqualTo("Just a line. And another.");
            });
    assertThat(chunker.chunk("\n\n  \n")).isEmpty();
    assertThat(chunker.chunk("# Only a heading\n")).isEmpty();
  }

  @Test
  void hashtagsAreNotHeadings() {
    assertThat(chunker.chunk("#hashtag is text\n"))
        .singleElement()
        .extracting(Chunker.Chunk::text)
        .isEqualTo("#hashtag is text");
  }

  @Test
  void refusesSillySizes() {
    assertThatThrownBy(() -> new Chunker(10, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Chunker(100, 60)).isInstanceOf(IllegalArgumentException.class);
  }
}
