package fr.convergence.reporting.frozen;

import fr.convergence.reporting.export.PdfDocument;
import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.IndicatorValues;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.SmallCounts;
import fr.convergence.reporting.indicators.TargetProgress;

import java.util.Locale;
import java.util.Map;

/**
 * A frozen version as a French PDF to print or file (issue 19 item 1): scope by name, period, version, who closed it and
 * why, the key figures, actual against target, the changes since the previous version, and the breakdowns with small
 * counts hidden below territory level as in every export.
 */
public final class FrozenReportPdf {

    private FrozenReportPdf() {
    }

    public static byte[] of(FrozenReport f) {
        Report r = SmallCounts.protect(f.report(), SmallCounts.THRESHOLD);
        String scope = switch (f.level()) {
            case "ACI" -> "ACI " + r.aciName() + " (" + r.territoryName() + ")";
            case "TERRITORY" -> "Territoire " + r.territoryName();
            default -> "National (tous les territoires)";
        };
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

            pdf.heading("Chiffres clés");
            for (Map.Entry<Indicator, Number> e : IndicatorValues.of(r).entrySet()) {
                pdf.entry(e.getKey().label(), format(e.getKey(), e.getValue()));
            }

            pdf.heading("Objectifs des conventions de financement");
            if (r.targets().isEmpty()) {
                pdf.line("Aucune convention de ce périmètre ne couvre la période.");
            }
            for (TargetProgress t : r.targets()) {
                pdf.line(t.agreement() + " (" + t.funderName() + ") — " + t.indicatorLabel() + " : réalisé "
                        + number(t.actual()) + " pour un objectif de " + number(t.target()) + ", soit "
                        + percent(t.reached()) + " (convention du " + t.from() + " au " + t.to() + ")");
            }

            pdf.heading(f.version() == 1 ? "Changements : aucune version précédente"
                    : "Changements depuis la version " + (f.version() - 1));
            if (f.version() > 1 && f.changes().isEmpty()) {
                pdf.line("Aucun indicateur n'a changé.");
            }
            for (IndicatorChange c : f.changes()) {
                Indicator indicator = IndicatorValues.byId(c.indicator()).orElse(null);
                pdf.line(c.label() + " : " + value(indicator, c.oldValue()) + " → " + value(indicator, c.newValue()));
            }

            if (!r.breakdown().isEmpty()) {
                pdf.heading(r.territory() == null ? "Par territoire" : "Par ACI");
                for (Report.BreakdownRow b : r.breakdown()) {
                    pdf.line(b.name() + " — entrées " + count(b.entered()) + ", sorties " + count(b.exited())
                            + ", présents " + count(b.presentAtEnd()) + ", personnes accompagnées "
                            + count(b.peopleSupported()) + (b.aciCount() == null ? "" : ", ACI " + b.aciCount()));
                }
            }
            pdf.heading("Personnes accompagnées par tranche d'âge");
            for (Report.AgeBandRow b : r.ageBands()) {
                pdf.entry(b.label(), count(b.peopleSupported()));
            }
            pdf.space(10);
            pdf.line("s : petit effectif (de 1 à " + (SmallCounts.THRESHOLD - 1) + ") masqué au-dessous du territoire "
                    + "(secret statistique), avec une seconde case pour que le total ne le redonne pas.");
            pdf.line("Identifiant : " + f.id() + " — les définitions des indicateurs figurent dans le classeur XLSX.");
            return pdf.toBytes();
        }
    }

    private static String format(Indicator indicator, Number value) {
        if (value == null) {
            return "—";
        }
        return IndicatorValues.SHARES.contains(indicator) ? percent(value.doubleValue()) : number(value.doubleValue());
    }

    private static String count(Long value) {
        return value == null ? SmallCounts.HIDDEN : String.valueOf(value);
    }

    private static String value(Indicator indicator, Object value) {
        if (value instanceof Number n) {
            return indicator == null ? number(n.doubleValue()) : format(indicator, n);
        }
        return value == null ? "—" : value.toString();
    }

    static String number(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) ? String.format(Locale.FRANCE, "%,d", value.longValue()).replace('\u202f', ' ')
                .replace('\u00a0', ' ') : String.format(Locale.FRANCE, "%.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.FRANCE, "%.1f %%", share * 100);
    }
}
