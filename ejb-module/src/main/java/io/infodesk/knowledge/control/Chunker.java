package io.infodesk.knowledge.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text with '#' headings into passages sized for MiniLM (whose window is 256 word pieces): a
 * chunk never crosses a heading, paragraphs are packed up to {@code maxWords}, a long paragraph is
 * cut at sentence ends, and consecutive chunks of a section overlap by {@code overlapWords}. Each
 * chunk carries its heading path, such as "Parental leave › Eligibility".
 */
public final class Chunker {

  /** One passage and the headings above it. */
  public record Chunk(String heading, String text) {}

  private final int maxWords;
  private final int overlapWords;

  public Chunker(int maxWords, int overlapWords) {
    if (maxWords < 20 || overlapWords < 0 || overlapWords >= maxWords / 2) {
      throw new IllegalArgumentException("need maxWords >= 20 and overlap < maxWords / 2");
    }
    this.maxWords = maxWords;
    this.overlapWords = overlapWords;
  }

  public List<Chunk> chunk(String text) {
    List<Chunk> chunks = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String raw : text.replace("\r\n", "\n").split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") && line.replaceFirst("^#+", "").startsWith(" ")) {
        flushParagraph(paragraph, paragraphs);
        emitSection(path, paragraphs, chunks);
        int level = line.indexOf(' ');
        String heading = line.substring(level).strip();
        while (path.size() >= level) {
          path.remove(path.size() - 1);
        }
        while (path.size() < level - 1) {
          path.add("");
        }
        path.add(heading);
      } else if (line.isEmpty()) {
        flushParagraph(paragraph, paragraphs);
      } else {
        if (paragraph.length() > 0) {
          paragraph.append(line.startsWith("- ") || line.startsWith("* ") ? "\n" : " ");
        }
        paragraph.append(line);
      }
    }
    flushParagraph(paragraph, paragraphs);
    emitSection(path, paragraphs, chunks);
    return chunks;
  }

  private static void flushParagraph(StringBuilder paragraph, List<String> paragraphs) {
    if (paragraph.length() > 0) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  private void emitSection(List<String> path, List<String> paragraphs, List<Chunk> chunks) {
    if (paragraphs.isEmpty()) {
      return;
    }
    String heading = String.join(" › ", path.stream().filter(h -> !h.isEmpty()).toList());
    List<String> pieces = new ArrayList<>();
    for (String p : paragraphs) {
      pieces.addAll(splitLong(p));
    }
    List<String> current = new ArrayList<>();
    int words = 0;
    for (String piece : pieces) {
      int n = wordCount(piece);
      if (words > 0 && words + n > maxWords) {
        chunks.add(new Chunk(heading, String.join("\n\n", current)));
        String tail = lastWords(String.join(" ", current), overlapWords);
        current.clear();
        words = 0;
        if (!tail.isEmpty()) {
          current.add("…" + tail);
          words = wordCount(tail);
        }
      }
      current.add(piece);
      words += n;
    }
    if (!current.isEmpty()) {
      chunks.add(new Chunk(heading, String.join("\n\n", current)));
    }
    paragraphs.clear();
  }

  /** A paragraph longer than a chunk is cut at sentence ends, or at word boundaries if needed. */
  private List<String> splitLong(String paragraph) {
    if (wordCount(paragraph) <= maxWords - overlapWords) {
      return List.of(paragraph);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
      if (wordCount(sentence) > maxWords - overlapWords) {
        String[] w = sentence.split("\\s+");
        for (int i = 0; i < w.length; i += maxWords - overlapWords) {
          if (current.length() > 0) {
            parts.add(current.toString());
            current.setLength(0);
          }
          parts.add(
              String.join(
                  " ",
                  java.util.Arrays.copyOfRange(
                      w, i, Math.min(w.length, i + maxWords - overlapWords))));
        }
        continue;
      }
      if (current.length() > 0
          && wordCount(current.toString()) + wordCount(sentence) > maxWords - overlapWords) {
        parts.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(sentence);
    }
    if (current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }

  static int wordCount(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static String lastWords(String s, int n) {
    if (n == 0) {
      return "";
    }
    String[] w = s.strip().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOfRange(w, Math.max(0, w.length - n), w.length));
  }
}
