package fr.convergence.pathway.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The audit file as a PDF an auditor can sign and archive: the history, the integrity of each pathway's chain
 * with its head hash, who produced it and when; French, A4, numbered pages, the font embedded (Liberation Sans, the
 * one PDFBox ships, so the file reads the same on any machine and no system font is needed here).
 */
final class AuditPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy à HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private AuditPdf() {
    }

    static byte[] render(String participantId, List<HistoryEntry> entries, Map<String, Map<String, Object>> chains,
                         String generatedBy, Instant generatedAt) {
        String xhtml = page(participantId, entries, chains, generatedBy, generatedAt);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(AuditPdf::font, "Audit Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not print the audit file", e);
        }
    }

    private static InputStream font() {
        InputStream in = AuditPdf.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("the PDF font " + FONT + " is not on the class path");
        }
        return in;
    }

    /** Well-formed XHTML (the renderer parses XML); every value escaped. */
    static String page(String participantId, List<HistoryEntry> entries, Map<String, Map<String, Object>> chains,
                       String generatedBy, Instant generatedAt) {
        StringBuilder html = new StringBuilder("""
                <html lang="fr"><head><meta charset="utf-8"/><title>Dossier d'audit</title><style>
                @page { size: A4; margin: 18mm 14mm 20mm 14mm;
                  @bottom-center { content: "Page " counter(page) " / " counter(pages); font-family: 'Audit Sans'; font-size: 9pt; } }
                body { font-family: 'Audit Sans'; font-size: 9pt; }
                h1 { font-size: 15pt; margin: 0 0 4pt 0; } h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
                table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
                th, td { border: 0.5pt solid #888; padding: 2pt 3pt; text-align: left; vertical-align: top; }
                th { background: #eee; } .hash { font-size: 7pt; word-break: break-all; }
                </style></head><body>
                """);
        html.append("<h1>Dossier d'audit — personne ").append(esc(participantId)).append("</h1>");
        html.append("<p>Produit le ").append(esc(FRENCH.format(generatedAt))).append(" par ").append(esc(generatedBy))
                .append(". ").append(entries.size()).append(" événements, tous services.</p>");
        html.append("<h2>Intégrité des parcours</h2><ul>");
        if (chains.isEmpty()) {
            html.append("<li>Aucun parcours enregistré.</li>");
        }
        chains.forEach((pathway, c) -> html.append("<li>Parcours ").append(esc(pathway)).append(" : ")
                .append(Boolean.TRUE.equals(c.get("intact")) ? "intégrité vérifiée"
                        : "intégrité rompue à l'événement " + esc(String.valueOf(c.get("firstBrokenSequence")))
                        + " (" + esc(String.valueOf(c.get("reason"))) + ")")
                .append("<br/><span class=\"hash\">Empreinte de tête (SHA-256) : ")
                .append(esc(String.valueOf(c.get("headHash")))).append("</span></li>"));
        html.append("</ul><h2>Historique</h2>");
        html.append("<table><thead><tr><th>Survenu le</th><th>Enregistré le</th><th>Par</th><th>Service</th>")
                .append("<th>Événement</th><th>Détails</th></tr></thead><tbody>");
        for (HistoryEntry e : entries) {
            html.append("<tr><td>").append(esc(e.occurredOn())).append("</td><td>").append(esc(e.recordedAt()))
                    .append("</td><td>").append(esc(e.recordedBy())).append("</td><td>").append(esc(e.service()))
                    .append("</td><td>").append(esc(e.type())).append("</td><td>").append(esc(String.valueOf(e.data())))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    /** XML escaping, and characters XML 1.0 forbids (control characters a value might hold) dropped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
