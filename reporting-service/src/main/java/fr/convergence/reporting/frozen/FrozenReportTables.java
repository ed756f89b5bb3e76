package fr.convergence.reporting.frozen;

import fr.convergence.reporting.export.ReportTables;
import fr.convergence.reporting.export.Table;
import fr.convergence.reporting.indicators.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * A frozen version laid out for the existing exporters: which version it is and why, what changed since the
 * previous one, then exactly the tables of a live export of its figures.
 */
public final class FrozenReportTables {

    private FrozenReportTables() {
    }

    public static List<Table> of(FrozenReport r) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Rapport figé", List.of("Paramètre", "Valeur"), List.of(
                row("Identifiant", r.id()), row("Période", r.periodLabel()), row("Version", r.version()),
                row("Clôturé le (UTC)", r.closedAt()),
                row("Par", r.closedBy() + " (" + Labels.of(Labels.ROLES, r.closedByRole()) + ")"),
                row("Motif", r.reasonLabel()), row("Note", r.note()),
                row("Parcours pris en compte", r.positions().size()),
                row("Génération de la projection", r.generation()))));
        tables.add(new Table("Changements", List.of("Identifiant", "Indicateur", "Version précédente",
                "Cette version"), r.changes().stream()
                .map(c -> row(c.indicator(), c.label(), c.oldValue(), c.newValue())).toList()));
        tables.addAll(ReportTables.of(r.report()));
        return tables;
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }
}
