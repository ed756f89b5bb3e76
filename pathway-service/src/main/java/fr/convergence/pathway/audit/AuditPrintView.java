package fr.convergence.pathway.audit;

import java.util.List;
import java.util.Map;

/** A printable, self-contained HTML page of a participant's history (French, A4-friendly). */
final class AuditPrintView {

    private AuditPrintView() {
    }

    static String render(String participantId, List<HistoryEntry> entries, Map<String, Map<String, Object>> chains) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <title>Historique d'audit</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
                th,td{border:1px solid #999;padding:4px;font-size:12px;text-align:left;vertical-align:top}
                @media print{a{color:inherit}}</style></head><body>
                """);
        html.append("<h1>Historique du parcours — participant ").append(esc(participantId)).append("</h1>");
        html.append("<h2>Chaînes d'intégrité</h2><ul>");
        chains.forEach((pathway, c) -> html.append("<li>Parcours ").append(esc(pathway)).append(" : ")
                .append(Boolean.TRUE.equals(c.get("intact")) ? "intègre" : "ROMPUE à l'événement " + c.get("firstBrokenSequence"))
                .append(", tête <code>").append(esc(String.valueOf(c.get("headHash")))).append("</code></li>"));
        html.append("</ul><h2>Événements (").append(entries.size()).append(")</h2>");
        html.append("<table><caption>Événements dans l'ordre où ils sont survenus</caption><thead><tr>")
                .append("<th scope=col>Survenu le</th><th scope=col>Enregistré le</th><th scope=col>Par</th>")
                .append("<th scope=col>Service</th><th scope=col>Événement</th><th scope=col>Détails</th>")
                .append("<th scope=col>Corrélation</th></tr></thead><tbody>");
        for (HistoryEntry e : entries) {
            html.append("<tr><td>").append(esc(e.occurredOn())).append("</td><td>").append(esc(e.recordedAt()))
                    .append("</td><td>").append(esc(e.recordedBy())).append("</td><td>").append(esc(e.service()))
                    .append("</td><td>").append(esc(e.type())).append("</td><td>").append(esc(String.valueOf(e.data())))
                    .append("</td><td>").append(esc(e.correlationId())).append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
