package io.infodesk.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Untrusted documents within limits: a zip bomb as DOCX, a deeply nested document and a PDF whose
 * content stream takes too long are each refused with a reason (the ingestion then marks the source
 * FAILED with it), and the parser stays usable.
 */
class DocumentLimitsTest {

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument d = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText(text);
      d.write(out);
      return out.toByteArray();
    }
  }

  /** A real DOCX with one more entry that inflates to 80 MB of zeros. */
  static byte[] zipBombDocx() throws Exception {
    byte[] docx = docx("Quarterly numbers.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 80; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void aZipBombDocxIsRefusedBeforeTikaOpensIt() throws Exception {
    byte[] bomb = zipBombDocx();
    assertThat(bomb.length).as("compressed").isLessThan(1024 * 1024);
    DocumentParser parser = new DocumentParser(200_000);
    assertThatThrownBy(() -> parser.parse(bomb, "numbers.docx"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("zip bomb");
    assertThat(parser.parse(docx("Quarterly numbers."), "numbers.docx").text())
        .as("an ordinary DOCX still parses")
        .contains("Quarterly numbers.");
  }

  @Test
  void aDeeplyNestedDocumentIsRefused() throws Exception {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<ul><li>".repeat(5_000)).append("deep").append("</li></ul>".repeat(5_000));
    html.append("</body></html>");
    DocumentParser parser = new DocumentParser(200_000);
    assertThatThrownBy(
            () -> parser.parse(html.toString().getBytes(StandardCharsets.UTF_8), "deep.html"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("nest");
  }

  @Test
  void aPdfThatTakesTooLongIsAbandoned() throws Exception {
    byte[] pdf;
    try (PDDocument d = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      d.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(d, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
        for (int i = 0; i < 200_000; i++) {
          s.showText("endless ");
        }
        s.endText();
      }
      d.save(out);
      pdf = out.toByteArray();
    }
    DocumentParser strict = new DocumentParser(10_000_000, Duration.ofMillis(50));
    long started = System.nanoTime();
    assertThatThrownBy(() -> strict.parse(pdf, "endless.pdf"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("took longer");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the caller is not held until the parse ends")
        .isLessThan(Duration.ofSeconds(10));
  }
}
