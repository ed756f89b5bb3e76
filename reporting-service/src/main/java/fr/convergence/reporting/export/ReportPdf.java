package fr.convergence.reporting.export;

import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.IndicatorValues;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.SmallCounts;
import fr.convergence.reporting.indicators.TargetProgress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * A report's figures as French PDF sections, for the live report ({@link #of}) and a frozen version (which adds its
 * version, who closed it and the changes): key figures, actual against target, the breakdown with small counts hidden
 * below territory level as in every export, and the age bands.
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    /** The live report as a PDF, dated the day it is made (the figures may change with later events). */
    public static byte[] of(Report report) {
        Report r = SmallCounts.protect(report, SmallCounts.THRESHOLD);
        try (PdfDocument pdf = new PdfDocument("Rapport — " + scope(r), "Convergence France, chiffres du " + r.from()
                + " au " + r.to())) {
            pdf.title("Rapport — " + scope(r));
            pdf.entry("Période", r.from() == null ? "aucune donnée" : r.from() + " à " + r.to());
            pdf.entry("Programme", r.programme() == null ? "PHC et CVG" : Labels.of(Labels.PROGRAMMES, r.programme()));
            pdf.entry("Établi le", LocalDate.now(ZoneId.of("Europe/Paris")) + " — chiffres en cours : un événement saisi "
                    + "plus tard peut les changer ; un rapport figé ne change plus");
            figures(pdf, r);
            return pdf.toBytes();
        }
    }

    /** The scope by name: national, a territory, or an ACI and its territory. */
    public static String scope(Report r) {
        return switch (r.level()) {
            case "ACI" -> "ACI " + r.aciName() + " (" + r.territoryName() + ")";
            case "TERRITORY" -> "Territoire " + r.territoryName();
            default -> "National (tous les territoires)";
        };
    }

    /** Key figures, targets, breakdown and age bands of a report whose small counts are already protected. */
    public static void figures(PdfDocument pdf, Report r) {
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
                + "(secret statistique), avec une seconde case pour que le total ne le redonne pas. Les définitions des "
                + "indicateurs figurent dans le classeur XLSX.");
    }

    /** A value as a person reads it: a share as a percentage, a number with French separators, — when none. */
    public static String format(Indicator indicator, Number value) {
        if (value == null) {
            return "—";
        }
        return IndicatorValues.SHARES.contains(indicator) ? percent(value.doubleValue()) : number(value.doubleValue());
    }

    private static String count(Long value) {
        return value == null ? SmallCounts.HIDDEN : String.valueOf(value);
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
