package io.infodesk.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** Real files made by PDFBox and POI, parsed by Tika. */
class DocumentParserTest {

  final DocumentParser parser = new DocumentParser(200_000);

  @Test
  void markdownKeepsItsHeadings() throws Exception {
    var doc =
        parser.parse(
            "# VPN guide\n\n## Connect\n\nOpen the client.".getBytes(StandardCharsets.UTF_8),
            "vpn.md");
    assertThat(doc.title()).isEqualTo("VPN guide");
    assertThat(doc.text()).contains("## Connect", "Open the client.");
  }

  @Test
  void htmlHeadingsBecomeMarkdownHeadingsAndScriptsDisappear() throws Exception {
    String html =
        "<html><head><title>Expenses</title><script>alert(1)</script></head><body>"
            + "<h1>Expense policy</h1><p>Submit receipts within 30 days.</p><h2>Travel</h2>"
            + "<ul><li>Economy class</li><li>Hotels up to $200</li></ul></body></html>";
    var doc = parser.parse(html.getBytes(StandardCharsets.UTF_8), "expenses.html");
    assertThat(doc.mediaType()).isEqualTo("text/html");
    assertThat(doc.title()).isEqualTo("Expenses");
    assertThat(doc.text())
        .contains("# Expense policy", "## Travel", "- Economy class")
        .doesNotContain("alert");
  }

  @Test
  void docxHeadingStylesBecomeHeadings() throws Exception {
    byte[] docx;
    try (XWPFDocument d = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph h = d.createParagraph();
      h.setStyle("Heading1");
      h.createRun().setText("Laptop refresh");
      d.createParagraph().createRun().setText("Laptops are replaced every three years.");
      d.write(out);
      docx = out.toByteArray();
    }
    // the name lies: the type comes from the bytes
    var doc = parser.parse(docx, "laptops.txt");
    assertThat(doc.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(doc.text()).contains("Laptops are replaced every three years.");
  }

  @Test
  void pdfTextIsExtracted() throws Exception {
    byte[] pdf;
    try (PDDocument d = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      d.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(d, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        s.newLineAtOffset(72, 700);
        s.showText("Payday is the last business day of the month.");
        s.endText();
      }
      d.save(out);
      pdf = out.toByteArray();
    }
    var doc = parser.parse(pdf, "payday.pdf");
    assertThat(doc.mediaType()).isEqualTo("application/pdf");
    assertThat(doc.text()).contains("Payday is the last business day of the month.");
  }

  @Test
  void refusesArchivesImagesEmptyFilesAndBinaries() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("a.txt"));
      z.write(new byte[1_000_000]);
      z.closeEntry();
    }
    assertThatThrownBy(() -> parser.parse(zip.toByteArray(), "policy.pdf"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("not accepted");
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
    };
    assertThatThrownBy(() -> parser.parse(png, "doc.md"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class);
    assertThatThrownBy(() -> parser.parse(new byte[0], "empty.md"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void refusesTextThatExpandsPastTheLimit() {
    DocumentParser small = new DocumentParser(1000);
    String html = "<html><body><p>" + "word ".repeat(1000) + "</p></body></html>";
    assertThatThrownBy(() -> small.parse(html.getBytes(StandardCharsets.UTF_8), "big.html"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class)
        .hasMessageContaining("1000 characters");
    assertThatThrownBy(
            () -> small.parse("x".repeat(2000).getBytes(StandardCharsets.UTF_8), "big.md"))
        .isInstanceOf(DocumentParser.RejectedDocumentException.class);
  }
}
