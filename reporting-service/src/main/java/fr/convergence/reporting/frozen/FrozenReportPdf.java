package fr.convergence.reporting.frozen;

import fr.convergence.reporting.export.PdfDocument;
import fr.convergence.reporting.export.ReportPdf;
import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.IndicatorValues;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.SmallCounts;

/**
 * A frozen version as a French PDF to print or file (issue 19 item 1): scope by name, period, version, who closed it and
 * why, the changes since the previous version, then the figures as {@link ReportPdf} lays them out (key figures,
 * actual against target, breakdown with small counts hidden below territory level as in every export, age bands).
 */
public final class FrozenReportPdf {

    private FrozenReportPdf() {
    }

    public static byte[] of(FrozenReport f) {
        Report r = SmallCounts.protect(f.report(), SmallCounts.THRESHOLD);
        String scope = ReportPdf.scope(r);
        try (PdfDocument pdf = new PdfDocument("Rapport figé — " + scope + " — " + f.periodLabel(),
                "Convergence France, rapport figé " + f.id())) {
            pdf.title("Rapport figé — " + scope);
            pdf.entry("Période", f.periodLabel() + " (" + r.from() + " à " + r.to() + ")");
            pdf.entry("Version", f.version());
            pdf.entry("Clôturé le (UTC)", f.closedAt());
            pdf.entry("Par", f.closedBy() + " (" + Labels.of(Labels.ROLES, f.closedByRole()) + ")");
            pdf.entry("Motif", f.reasonLabel() + (f.note() == null ? "" : " — " + f.note()));
            pdf.entry("Programme", r.programme() == null ? "PHC et CVG" : Labels.of(Labels.PROGRAMMES, r.programme()));
            pdf.entry("Parcours pris en compte", f.positions().size());
            pdf.entry("Identifiant", f.id());

            pdf.heading(f.version() == 1 ? "Changements : aucune version précédente"
                    : "Changements depuis la version " + (f.version() - 1));
            if (f.version() > 1 && f.changes().isEmpty()) {
                pdf.line("Aucun indicateur n'a changé.");
            }
            for (IndicatorChange c : f.changes()) {
                Indicator indicator = IndicatorValues.byId(c.indicator()).orElse(null);
                pdf.line(c.label() + " : " + value(indicator, c.oldValue()) + " → " + value(indicator, c.newValue()));
            }
            ReportPdf.figures(pdf, r);
            return pdf.toBytes();
        }
    }

    private static String value(Indicator indicator, Object value) {
        if (value instanceof Number n) {
            return indicator == null ? ReportPdf.format(Indicator.ENTERED, n) : ReportPdf.format(indicator, n);
        }
        return value == null ? "—" : value.toString();
    }
}
