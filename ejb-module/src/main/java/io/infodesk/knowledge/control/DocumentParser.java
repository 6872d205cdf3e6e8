package io.infodesk.knowledge.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
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
 * sniffed from the bytes, not trusted from the name; only document types are accepted. Untrusted
 * documents are parsed within explicit limits: a time limit (the parse runs on its own thread and
 * is abandoned, interrupted, when it overruns), no embedded documents, an element nesting depth,
 * the extracted characters, and for ZIP-based formats (DOCX) the compression ratio and the
 * uncompressed size, counted while inflating, so a zip bomb is refused before Tika opens it.
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

  /** Elements nested deeper than this refuse the document. */
  public static final int MAX_DEPTH = 500;

  /** A ZIP-based file may inflate to at most this many times its size… */
  public static final int MAX_COMPRESSION_RATIO = 100;

  /** …and to at most this many bytes. */
  public static final long MAX_UNCOMPRESSED = 200L * 1024 * 1024;

  private static final java.util.concurrent.atomic.AtomicInteger THREADS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final Tika tika = new Tika();
  private final AutoDetectParser parser = new AutoDetectParser();
  private final int maxCharacters;
  private final java.time.Duration timeout;

  public DocumentParser(int maxCharacters) {
    this(maxCharacters, java.time.Duration.ofSeconds(30));
  }

  /**
   * @param timeout how long one document may take to parse
   */
  public DocumentParser(int maxCharacters, java.time.Duration timeout) {
    this.maxCharacters = maxCharacters;
    this.timeout = timeout;
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
    if (isZip(content)) {
      checkZip(content);
    }
    HeadingTextHandler handler = new HeadingTextHandler(maxCharacters);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    ParseContext context = new ParseContext();
    // embedded documents (objects inside a DOCX, attachments of a PDF) are not parsed at all
    context.set(
        org.apache.tika.extractor.EmbeddedDocumentExtractor.class,
        new org.apache.tika.extractor.EmbeddedDocumentExtractor() {
          @Override
          public boolean shouldParseEmbedded(Metadata m) {
            return false;
          }

          @Override
          public void parseEmbedded(
              InputStream stream, org.xml.sax.ContentHandler h, Metadata m, boolean outputHtml) {
            // skipped
          }
        });
    java.util.concurrent.FutureTask<Void> task =
        new java.util.concurrent.FutureTask<>(
            () -> {
              try (InputStream in = new ByteArrayInputStream(content)) {
                parser.parse(in, handler, metadata, context);
              }
              return null;
            });
    Thread worker = new Thread(task, "document-parser-" + THREADS.incrementAndGet());
    worker.setDaemon(true);
    worker.start();
    try {
      task.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      task.cancel(true);
      throw new RejectedDocumentException(
          "the document took longer than " + timeout.toSeconds() + " s to read; it was abandoned");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new RejectedDocumentException("reading the document was interrupted");
    } catch (java.util.concurrent.ExecutionException wrapped) {
      Throwable e = wrapped.getCause();
      if (e instanceof WriteLimitReachedException) {
        throw new RejectedDocumentException(
            "the document expands to more than " + maxCharacters + " characters of text");
      }
      if (e instanceof SAXException sax) {
        if (handler.tooDeep) {
          throw new RejectedDocumentException(
              "the document nests its elements deeper than " + MAX_DEPTH + " levels");
        }
        if (WriteLimitReachedException.isWriteLimitReached(sax) || handler.limitReached) {
          throw new RejectedDocumentException(
              "the document expands to more than " + maxCharacters + " characters of text");
        }
        throw new RejectedDocumentException("the document could not be read: " + sax.getMessage());
      }
      if (e instanceof StackOverflowError) {
        throw new RejectedDocumentException("the document nests its elements too deeply");
      }
      // TikaException, IOException and anything else the parser threw
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

  private static boolean isZip(byte[] content) {
    return content.length > 4
        && content[0] == 'P'
        && content[1] == 'K'
        && content[2] == 3
        && content[3] == 4;
  }

  /**
   * Inflates every entry of a ZIP-based file, counting the bytes it really produces (the sizes in
   * its headers can lie), and refuses it past the ratio or the size.
   */
  static void checkZip(byte[] content) throws RejectedDocumentException {
    long limit = Math.min(MAX_UNCOMPRESSED, (long) content.length * MAX_COMPRESSION_RATIO);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
      while (zip.getNextEntry() != null) {
        for (int n; (n = zip.read(buffer)) > 0; ) {
          total += n;
          if (total > limit) {
            throw new RejectedDocumentException(
                "the document inflates to more than "
                    + (total >= MAX_UNCOMPRESSED
                        ? MAX_UNCOMPRESSED / (1024 * 1024) + " MB"
                        : MAX_COMPRESSION_RATIO + " times its size")
                    + " (a zip bomb?)");
          }
        }
      }
    } catch (IOException e) {
      throw new RejectedDocumentException("the document's archive is damaged: " + rootMessage(e));
    }
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
    private int depth;
    boolean limitReached;
    boolean tooDeep;

    HeadingTextHandler(int limit) {
      this.limit = limit;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      if (++depth > MAX_DEPTH) {
        tooDeep = true;
        throw new SAXException("nested deeper than " + MAX_DEPTH);
      }
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
      depth--;
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
