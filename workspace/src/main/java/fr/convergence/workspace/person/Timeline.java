package fr.convergence.workspace.person;

import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A person's timeline, newest first, in French. A CIP has no route to a pathway's events (the audit API is
 * auditors' only, and stays so), so it is built from the dates the pathway's state keeps: hiring, move to
 * Convergence, open barriers, monthly hours, exit, follow-up. What the state does not keep (weekly-hours changes,
 * lifted barriers, housing, rights, trainings, who recorded) needs an events route for ACI staff — see the README.
 */
public final class Timeline {

    /** One line of the timeline. */
    public record Entry(LocalDate date, String title, String detail) {
    }

    private Timeline() {
    }

    public static List<Entry> of(JsonNode participant, JsonNode pathway, Labels labels) {
        List<Entry> entries = new ArrayList<>();
        String registered = participant.path("registeredAt").asString(null);
        if (registered != null && !registered.isBlank()) {
            entries.add(new Entry(Instant.parse(registered).atZone(FrenchDates.PARIS).toLocalDate(), "Inscription",
                    null));
        }
        if (pathway != null) {
            add(entries, pathway, "startedOn", "Embauche",
                    "Programme " + labels.programme(pathway.path("programme").asString())
                            + (pathway.path("cvgSince").isNull() || pathway.path("cvgSince").isMissingNode() ? "" : " (entrée en PHC)"));
            add(entries, pathway, "cvgSince", "Passage en Convergence", null);
            for (var barrier : pathway.path("openBarriers").properties()) {
                JsonNode b = barrier.getValue();
                entries.add(new Entry(LocalDate.parse(b.path("since").asString()),
                        "Frein identifié : " + labels.barrier(barrier.getKey()),
                        "Intensité " + labels.intensity(b.path("intensity").asString()).toLowerCase(java.util.Locale.FRENCH)
                                + ", prise en charge " + labels.handling(b.path("handling").asString())
                                .toLowerCase(java.util.Locale.FRENCH)));
            }
            for (var month : pathway.path("monthlyHours").properties()) {
                entries.add(new Entry(YearMonth.parse(month.getKey()).atEndOfMonth(),
                        "Heures du mois " + FrenchDates.formatMonth(month.getKey()),
                        hours(month.getValue().asDouble()) + " travaillées"));
            }
            add(entries, pathway, "exitedOn", "Sortie", labels.exitReason(pathway.path("exitReason").asString(null))
                    + " — " + labels.exitCategory(pathway.path("exitCategory").asString(null)));
            add(entries, pathway, "followUpStartedOn", "Début du suivi après sortie", null);
            add(entries, pathway, "followUpEndedOn", "Fin du suivi après sortie", null);
        }
        entries.sort(Comparator.comparing(Entry::date).reversed());
        return entries;
    }

    private static void add(List<Entry> entries, JsonNode pathway, String field, String title, String detail) {
        String s = pathway.path(field).asString(null);
        if (s != null && !s.isBlank() && !"null".equals(s)) {
            entries.add(new Entry(LocalDate.parse(s), title, detail));
        }
    }

    /** 98.5 → "98,5 h" (French decimal comma). */
    public static String hours(double h) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        return f.format(h) + " h";
    }
}
