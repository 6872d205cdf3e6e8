package io.infodesk.platform.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text utilities shared by every feature: content words, sentences, and snippets (the sentences of
 * a passage that best match a question, with the matching words marked). The text is HTML-escaped
 * first, so a snippet is safe to show as HTML.
 */
public final class Text {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
          "get", "how", "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "should",
          "so", "that", "the", "their", "there", "this", "to", "was", "what", "when", "where",
          "which", "who", "why", "will", "with", "you", "your", "we", "our", "am", "have", "has",
          "not");

  private Text() {}

  /** The question's content words, lower-cased and crudely stemmed. */
  public static Set<String> terms(String text) {
    Set<String> terms = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!STOP.contains(w) && w.length() > 1) {
        terms.add(stem(w));
      }
    }
    return terms;
  }

  static String stem(String w) {
    for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.replace("\n", " ").split("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"(])")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** How many of the question's terms a sentence contains. */
  public static int overlap(String sentence, Set<String> questionTerms) {
    Set<String> words = terms(sentence);
    words.retainAll(questionTerms);
    return words.size();
  }

  /** The {@code max} best sentences in their original order, with matches in {@code <mark>}. */
  public static String highlight(String passage, String question, int max) {
    Set<String> q = terms(question);
    List<String> all = sentences(passage);
    // each sentence's overlap once: a sort would otherwise compute it at every comparison
    int[] overlap = new int[all.size()];
    for (int i = 0; i < overlap.length; i++) {
      overlap[i] = overlap(all.get(i), q);
    }
    List<Integer> best =
        java.util.stream.IntStream.range(0, all.size())
            .boxed()
            .sorted(Comparator.comparingInt((Integer i) -> -overlap[i]).thenComparingInt(i -> i))
            .limit(max)
            .sorted()
            .toList();
    StringBuilder out = new StringBuilder();
    for (int i : best) {
      if (out.length() > 0) {
        out.append(" … ");
      }
      out.append(mark(all.get(i), q));
    }
    return out.toString();
  }

  static String mark(String sentence, Set<String> q) {
    String escaped = escape(sentence);
    Matcher m = WORD.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String w = m.group();
      boolean entity = m.start() > 0 && escaped.charAt(m.start() - 1) == '&';
      String replacement =
          !entity && q.contains(stem(w.toLowerCase(Locale.ROOT))) ? "<mark>" + w + "</mark>" : w;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
