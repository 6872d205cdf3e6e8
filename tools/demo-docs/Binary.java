// Writes the demo PDF and DOCX documents described in binary.json (made by gen.py), with PDFBox
// and POI. Run from the repository root; README.md in this folder has the command.
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

public class Binary {
  public static void main(String[] args) throws Exception {
    try (var reader = Json.createReader(new FileReader(args[0]))) {
      for (JsonValue v : reader.readArray()) {
        JsonObject d = v.asJsonObject();
        if (d.getString("type").equals("pdf")) {
          pdf(d);
        } else {
          docx(d);
        }
      }
    }
  }

  static void pdf(JsonObject d) throws Exception {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(d.getString("title"));
      info.setAuthor("Kestrel Systems");
      doc.setDocumentInformation(info);
      List<Object[]> lines = new ArrayList<>();
      lines.add(new Object[] {bold, 16f, d.getString("title")});
      for (JsonValue s : d.getJsonArray("sections")) {
        JsonObject section = s.asJsonObject();
        lines.add(new Object[] {regular, 11f, ""});
        lines.add(new Object[] {bold, 13f, section.getString("heading")});
        for (JsonValue p : section.getJsonArray("paragraphs")) {
          String text = ((jakarta.json.JsonString) p).getString();
          text = text.startsWith("- ") ? "\u2022 " + text.substring(2) : text;
          for (String line : wrap(text, 95)) {
            lines.add(new Object[] {regular, 11f, line});
          }
          lines.add(new Object[] {regular, 6f, ""});
        }
      }
      PDPage page = null;
      PDPageContentStream out = null;
      float y = 0;
      for (Object[] line : lines) {
        if (out == null || y < 72) {
          if (out != null) {
            out.close();
          }
          page = new PDPage();
          doc.addPage(page);
          out = new PDPageContentStream(doc, page);
          y = 720;
        }
        float size = (Float) line[1];
        if (!((String) line[2]).isEmpty()) {
          out.beginText();
          out.setFont((PDType1Font) line[0], size);
          out.newLineAtOffset(72, y);
          out.showText((String) line[2]);
          out.endText();
        }
        y -= size * 1.45f;
      }
      out.close();
      doc.save(d.getString("path"));
    }
  }

  static void docx(JsonObject d) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); FileOutputStream out = new FileOutputStream(d.getString("path"))) {
      doc.getProperties().getCoreProperties().setTitle(d.getString("title"));
      doc.getProperties().getCoreProperties().setCreator("Kestrel Systems");
      heading(doc, d.getString("title"), 1);
      for (JsonValue s : d.getJsonArray("sections")) {
        JsonObject section = s.asJsonObject();
        heading(doc, section.getString("heading"), 2);
        for (JsonValue p : section.getJsonArray("paragraphs")) {
          String text = ((jakarta.json.JsonString) p).getString();
          XWPFParagraph para = doc.createParagraph();
          para.createRun().setText(text.startsWith("- ") ? "\u2022 " + text.substring(2) : text);
        }
      }
      doc.write(out);
    }
  }

  static void heading(XWPFDocument doc, String text, int level) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading" + level);
    XWPFRun r = p.createRun();
    r.setBold(true);
    r.setFontSize(level == 1 ? 18 : 14);
    r.setText(text);
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
