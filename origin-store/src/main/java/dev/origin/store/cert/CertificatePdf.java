package dev.origin.store.cert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Prints a certificate as PDF (US Letter, Helvetica): a title, the numbered elements or fields with their
 * content wrapped to the page, and a footer naming the certificate and its page. Text outside the PDF
 * standard fonts' character set (WinAnsi) is printed as {@code ?}.
 */
public final class CertificatePdf {
    private static final float MARGIN = 54;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 12.5f;

    private CertificatePdf() {}

    /** Writes the USMCA certification of origin to {@code out}. */
    public static void write(UsmcaCertification c, OutputStream out) {
        String title = "USMCA / CUSMA / T-MEC Certification of Origin";
        String sub = "Minimum data elements of USMCA Annex 5-A (Article 5.2). Certificate " + c.id() + ".";
        render(title, sub, c.id(), c.elements(), out);
    }

    /** Writes the NAFTA certificate of origin (fields of the former CBP Form 434) to {@code out}. */
    public static void write(NaftaCertificate c, OutputStream out) {
        String title = "North American Free Trade Agreement Certificate of Origin";
        String sub = "Fields of the former CBP Form 434 (NAFTA Article 501; 19 CFR 181.11). Certificate " + c.id() + ".";
        render(title, sub, c.id(), c.fields(), out);
    }

    private static void render(String title, String subtitle, String id, List<DataElement> elements, OutputStream out) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title + " " + id);
            info.setCreator("Origin");
            Writer w = new Writer(doc, regular, bold, id);
            w.line(title, bold, 14);
            w.gap(4);
            for (String l : wrap(subtitle, regular, SIZE, w.width())) w.line(l, regular, SIZE);
            w.gap(8);
            for (DataElement e : elements) {
                w.line(e.number() + ". " + e.title(), bold, 10.5f);
                for (String text : e.lines()) {
                    for (String l : wrap(text, regular, SIZE, w.width() - 12)) w.indented(l, regular, SIZE);
                }
                w.gap(6);
            }
            w.finish();
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most {@code width} points, broken at spaces (a word longer than the line is cut). */
    static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String next = cur.isEmpty() ? word : cur + " " + word;
            if (width(next, font, size) <= width || cur.isEmpty() && width(word, font, size) <= width) {
                cur.setLength(0);
                cur.append(next);
                continue;
            }
            if (!cur.isEmpty()) lines.add(cur.toString());
            cur.setLength(0);
            String w = word;
            while (width(w, font, size) > width && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && width(w.substring(0, cut), font, size) > width) cut--;
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            cur.append(w);
        }
        if (!cur.isEmpty() || lines.isEmpty()) lines.add(cur.toString());
        return lines;
    }

    private static float width(String s, PDType1Font font, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with characters the standard fonts cannot show replaced by {@code ?}. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '\t' || ch == '\n' || ch == '\r') b.append(' ');
            else if (ch == '\u2014' || ch == '\u2013') b.append('-');
            else if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || ch > 0xff) b.append('?');
            else b.append(ch);
        }
        return b.toString();
    }

    /** Places lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType1Font footerFont;
        private final String id;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Writer(PDDocument doc, PDType1Font regular, PDType1Font bold, String id) throws IOException {
            this.doc = doc;
            this.footerFont = regular;
            this.id = id;
            newPage();
        }

        float width() { return PDRectangle.LETTER.getWidth() - 2 * MARGIN; }

        void line(String text, PDType1Font font, float size) throws IOException { at(MARGIN, text, font, size); }

        void indented(String text, PDType1Font font, float size) throws IOException { at(MARGIN + 12, text, font, size); }

        void gap(float points) { y -= points; }

        private void at(float x, String text, PDType1Font font, float size) throws IOException {
            if (y - LEADING < MARGIN + 20) newPage();
            y -= Math.max(LEADING, size + 3);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(safe(text));
            cs.endText();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                footer();
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        private void footer() throws IOException {
            cs.beginText();
            cs.setFont(footerFont, 8);
            cs.newLineAtOffset(MARGIN, MARGIN - 10);
            cs.showText(safe("Certificate " + id + " - page " + pages + " - generated by Origin"));
            cs.endText();
        }

        void finish() throws IOException {
            footer();
            cs.close();
        }
    }
}
