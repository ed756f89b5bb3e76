package fr.convergence.workspace.hours;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.ProblemMessages;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the grid (people in pathway × the last months) and saves it: one monthly-hours command per changed cell,
 * each with its own idempotency key derived from the form's, so that posting the same grid twice records each cell
 * once. Every cell's outcome is kept: a partial failure is shown cell by cell, never hidden.
 */
@Component
public class MonthlyHours {

    /** The months offered: the current one and the two before (hours are entered at the start of the next month). */
    static final int MONTHS_SHOWN = 3;
    private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

    private final ParticipantsApi participants;
    private final PathwaysApi pathways;
    private final ProblemMessages messages;

    MonthlyHours(ParticipantsApi participants, PathwaysApi pathways, ProblemMessages messages) {
        this.participants = participants;
        this.pathways = pathways;
        this.messages = messages;
    }

    /** The grid as stored, with {@code typed} values (by cell parameter) and outcomes laid over it. */
    public HoursGrid grid(StaffMember who, LocalDate today, Map<String, String> typed, Map<String, String> errors,
                          java.util.Set<String> saved) {
        YearMonth now = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS_SHOWN - 1; i >= 0; i--) {
            months.add(now.minusMonths(i));
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> sortNames = new HashMap<>();
        for (JsonNode p : participants.ofAci(who, who.aciId(), ParticipantsApi.MONTHLY_HOURS)) {
            names.put(p.path("participantId").asString(), Persons.displayName(p));
            sortNames.put(p.path("participantId").asString(),
                    p.path("lastName").asString("") + " " + p.path("firstName").asString(""));
        }
        List<String> active = pathways.ofAci(who, who.aciId()).stream()
                .filter(p -> "ACTIVE".equals(p.path("status").asString()))
                .filter(p -> names.containsKey(p.path("participantId").asString()))
                .map(p -> p.path("pathwayId").asString()).toList();
        List<HoursGrid.Row> rows = new ArrayList<>();
        int r = 0;
        for (JsonNode view : pathways.readAll(who, active)) {
            String pathwayId = view.path("pathwayId").asString();
            YearMonth hired = YearMonth.from(LocalDate.parse(view.path("startedOn").asString()));
            List<HoursGrid.Cell> cells = new ArrayList<>();
            int c = 0;
            for (YearMonth m : months) {
                String param = "h|" + pathwayId + "|" + m;
                JsonNode reportedNode = view.path("monthlyHours").path(m.toString());
                Double reported = reportedNode.isNumber() ? reportedNode.asDouble() : null;
                String shown = typed.containsKey(param) ? typed.get(param)
                        : reported == null ? "" : Labels.decimal(reported);
                cells.add(new HoursGrid.Cell(m, param, "cellule-" + r + "-" + c, !m.isBefore(hired), reported, shown,
                        errors.get(param), saved.contains(param)));
                c++;
            }
            String participantId = view.path("participantId").asString();
            rows.add(new HoursGrid.Row(pathwayId, participantId, names.get(participantId), cells));
            r++;
        }
        rows.sort(Comparator.comparing(row -> sortNames.getOrDefault(row.participantId(), ""), FRENCH));
        return new HoursGrid(months, rows);
    }

    /** The outcome of saving a grid: which cells were recorded, which refused (French message by cell parameter). */
    public record Outcome(java.util.Set<String> saved, Map<String, String> errors) {
    }

    /**
     * Sends each cell that holds a number different from what is reported. Cells left empty or unchanged are not
     * sent (hours are never erased: a new report corrects the previous one).
     */
    public Outcome save(StaffMember who, HoursGrid current, Map<String, String> typed, String formKey) {
        java.util.Set<String> saved = new java.util.LinkedHashSet<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (HoursGrid.Row row : current.rows()) {
            for (HoursGrid.Cell cell : row.cells()) {
                String raw = typed.getOrDefault(cell.param(), "").trim();
                if (!cell.open() || raw.isEmpty()) {
                    continue;
                }
                Double hours = parse(raw);
                if (hours == null) {
                    errors.put(cell.param(), "Indiquez un nombre d'heures, par exemple 98 ou 98,5.");
                    continue;
                }
                if (hours.equals(cell.reported())) {
                    continue;
                }
                try {
                    pathways.command(who, row.pathwayId(), "monthly-hours",
                            new LinkedHashMap<>(Map.of("month", cell.month().toString(), "hours", hours)),
                            formKey + ":" + row.pathwayId() + ":" + cell.month());
                    saved.add(cell.param());
                } catch (ServiceProblem refused) {
                    if (refused.status() >= 500 || refused.status() == 401) {
                        throw refused;
                    }
                    errors.put(cell.param(), messages.of(refused.rule()));
                }
            }
        }
        return new Outcome(saved, errors);
    }

    static Double parse(String raw) {
        try {
            return Double.parseDouble(raw.replace(',', '.').replace(" ", "").replace("\u202f", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
