package io.infodesk.guardrails.model;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every HTML that a page renders unescaped goes through (answers, snippets, the
 * review desk's and the playground's extracts), with the OWASP Java HTML Sanitizer: text
 * formatting, lists, highlights and links to http(s) or relative addresses; no scripts, event
 * handlers, styles, frames or forms.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "mark",
              "strong",
              "b",
              "em",
              "i",
              "u",
              "ul",
              "ol",
              "li",
              "code",
              "pre",
              "sup",
              "sub",
              "blockquote",
              "span",
              "h3",
              "h4",
              "a")
          .allowAttributes("class")
          .matching(java.util.regex.Pattern.compile("[a-zA-Z0-9 _-]{0,80}"))
          .onElements("span", "mark", "sup", "a")
          .allowAttributes("href")
          .onElements("a")
          .allowStandardUrlProtocols()
          .requireRelNofollowOnLinks()
          .toFactory();

  private SafeHtml() {}

  public static String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }
}
