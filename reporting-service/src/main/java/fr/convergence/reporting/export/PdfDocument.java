package fr.convergence.reporting.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain A4 document of headings and lines, written with PDFBox (Apache 2.0): enough for a report to print and file,
 * no layout engine. The standard fonts need no file shipped; their encoding (WinAnsi) has the French letters, and the
 * few signs it lacks are written with the nearest ones it has ({@link #printable}).
 */
public final class PdfDocument implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    /** Signs of our labels that WinAnsi lacks, and what stands for them. */
    private static final Map<Character, String> REPLACEMENTS = Map.of('→', "->", '−', "-", '≤', "<=", '≥', ">=",
            '\u202f', " ", '\u2009', " ");

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    public PdfDocument(String title, String subject) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(printable(title));
        info.setSubject(printable(subject));
        info.setCreator("Convergence France — reporting-service");
    }

    public PdfDocument title(String text) {
        return write(text, bold, 16, 8);
    }

    public PdfDocument heading(String text) {
        space(8);
        return write(text, bold, 12, 4);
    }

    public PdfDocument line(String text) {
        return write(text, regular, 10, 2);
    }

    /** "label : value" on one line (wrapped if long). */
    public PdfDocument entry(String label, Object value) {
        return line(label + " : " + (value == null ? "—" : value));
    }

    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (page != null) {
                page.close();
                page = null;
            }
            if (document.getNumberOfPages() == 0) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (page != null) {
                page.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfDocument write(String text, PDType1Font font, float size, float after) {
        try {
            for (String wrapped : wrap(printable(text), font, size)) {
                if (page == null || y - size < MARGIN) {
                    newPage();
                }
                y -= size + 2;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(wrapped);
                page.endText();
            }
            y -= after;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static boolean encodable(PDType1Font font, char c) {
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The text with the signs WinAnsi lacks replaced, and any other such sign as '?'. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        StringBuilder out = new StringBuilder();
        for (char c : text.replace('\n', ' ').replace('\t', ' ').toCharArray()) {
            String replacement = REPLACEMENTS.get(c);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(encodable(font, c) ? String.valueOf(c) : "?");
            }
        }
        return out.toString();
    }
}
