package fr.convergence.workspace.hours;

import fr.convergence.workspace.web.FrenchDates;

import java.time.YearMonth;
import java.util.List;

/**
 * The monthly hours grid of one ACI: one row per person in pathway, one cell per month shown. A cell carries the
 * hours already reported (pathway-service's view), what was typed, and the outcome of the last save.
 */
public record HoursGrid(List<YearMonth> months, List<Row> rows) {

    public record Row(String pathwayId, String participantId, String name, List<Cell> cells) {
    }

    /**
     * @param param    the form parameter of this cell ({@code h|pathwayId|yyyy-MM})
     * @param id       its HTML id
     * @param open     false before the hiring month: the service would refuse it, so no input is offered
     * @param reported hours already reported, or null
     * @param typed    what the form holds for it (the reported value, or what was typed)
     * @param error    the refusal of the last save, in French, or null
     * @param saved    true when the last save recorded this cell
     */
    public record Cell(YearMonth month, String param, String id, boolean open, Double reported, String typed,
                       String error, boolean saved) {

        public String monthLabel() {
            return FrenchDates.formatMonth(month.toString());
        }
    }

    public List<String> monthLabels() {
        return months.stream().map(m -> FrenchDates.formatMonth(m.toString())).toList();
    }

    public long errors() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.error() != null).count();
    }

    public long saved() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::saved).count();
    }
}
