package io.infodesk.knowledge.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns an uploaded file into text with Markdown-style headings, using Apache Tika. The type is
 * sniffed from the bytes, not trusted from the name; only document types are accepted, and a file
 * whose text would grow past a limit (an archive bomb, say) is refused.
 */
public final class DocumentParser {

  /** What parsing produced. */
  public record ParsedDocument(String mediaType, String title, String text) {}

  /** The file cannot be taken; the message says why, for the uploader. */
  public static final class RejectedDocumentException extends Exception {
    public RejectedDocumentException(String message) {
      super(message);
    }
  }

  /** Sniffed media types that InfoDesk ingests, with a name for messages. */
  public static final Map<String, String> ACCEPTED =
      Map.of(
          "application/pdf", "PDF",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
          "text/html", "HTML",
          "application/xhtml+xml", "HTML",
          "text/x-web-markdown", "Markdown",
          "text/markdown", "Markdown",
          "text/plain", "text");

  private static final Set<String> MARKDOWN_TYPES = Set.of("text/x-web-markdown", "text/markdown");

  private final Tika tika = new Tika();
  private final AutoDetectParser parser = new AutoDetectParser();
  private final int maxCharacters;

  public DocumentParser(int maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  /** The media type Tika sniffs from the content (the name only breaks ties for text). */
  public String detect(byte[] content, String filename) {
    String type = tika.detect(content, filename);
    return type.toLowerCase(Locale.ROOT);
  }

  public ParsedDocument parse(byte[] content, String filename) throws RejectedDocumentException {
    if (content.length == 0) {
      throw new RejectedDocumentException("the file is empty");
    }
    String type = detect(content, filename);
    if (!ACCEPTED.containsKey(type)) {
      throw new RejectedDocumentException(
          "files of type " + type + " are not accepted; upload PDF, DOCX, HTML, Markdown or text");
    }
    if (MARKDOWN_TYPES.contains(type) || type.equals("text/plain")) {
      String text = decodeText(content);
      if (text.length() > maxCharacters) {
        throw new RejectedDocumentException(
            "the text is longer than " + maxCharacters + " characters");
      }
      return new ParsedDocument(type, titleOf(text, filename), text.strip());
    }
    HeadingTextHandler handler = new HeadingTextHandler(maxCharacters);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    try (InputStream in = new ByteArrayInputStream(content)) {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (WriteLimitReachedException e) {
      throw new RejectedDocumentException(
          "the document expands to more than " + maxCharacters + " characters of text");
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e) || handler.limitReached) {
        throw new RejectedDocumentException(
            "the document expands to more than " + maxCharacters + " characters of text");
      }
      throw new RejectedDocumentException("the document could not be read: " + e.getMessage());
    } catch (TikaException | IOException e) {
      throw new RejectedDocumentException("the document could not be read: " + rootMessage(e));
    }
    String text = handler.text().strip();
    if (text.isBlank()) {
      throw new RejectedDocumentException("the document contains no text (a scanned image?)");
    }
    String title = metadata.get(TikaCoreProperties.TITLE);
    return new ParsedDocument(
        type, title == null || title.isBlank() ? titleOf(text, filename) : title.strip(), text);
  }

  private static String decodeText(byte[] content) {
    String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The first heading, else the file name without its extension. */
  static String titleOf(String text, String filename) {
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith("#")) {
        return l.replaceFirst("^#+\\s*", "").strip();
      }
    }
    String name = filename == null ? "document" : filename.replaceAll(".*[/\\\\]", "");
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Keeps Tika's XHTML headings as '#' lines and blocks as paragraphs, up to a limit. */
  static final class HeadingTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS =
        Set.of("p", "div", "li", "tr", "br", "td", "th", "blockquote", "pre", "section", "article");
    private final StringBuilder out = new StringBuilder();
    private final int limit;
    private boolean inTitle;
    private boolean inScriptOrStyle;
    boolean limitReached;

    HeadingTextHandler(int limit) {
      this.limit = limit;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      String name = localName.isEmpty() ? qName : localName;
      name = name.toLowerCase(Locale.ROOT);
      if (name.equals("title")) {
        inTitle = true;
      } else if (name.equals("script") || name.equals("style")) {
        inScriptOrStyle = true;
      } else if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
        paragraphBreak();
        out.append("#".repeat(Math.max(1, name.charAt(1) - '0'))).append(' ');
      } else if (BLOCKS.contains(name)) {
        lineBreak();
        if (name.equals("li")) {
          out.append("- ");
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
      if (name.equals("title")) {
        inTitle = false;
      } else if (name.equals("script") || name.equals("style")) {
        inScriptOrStyle = false;
      } else if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
        paragraphBreak();
      } else if (name.equals("p") || name.equals("div") || name.equals("section")) {
        paragraphBreak();
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inTitle || inScriptOrStyle) {
        return;
      }
      if (out.length() + length > limit) {
        limitReached = true;
        throw new SAXException(new WriteLimitReachedException(limit));
      }
      out.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      // layout whitespace only
    }

    private void lineBreak() {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    private void paragraphBreak() {
      lineBreak();
      if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
        out.append('\n');
      }
    }

    String text() {
      return out.toString()
          .replace('\u00a0', ' ')
          .replaceAll("[ \\t]+", " ")
          .replaceAll("(?m)^ +| +$", "")
          .replaceAll("\n{3,}", "\n\n");
    }
  }
}
