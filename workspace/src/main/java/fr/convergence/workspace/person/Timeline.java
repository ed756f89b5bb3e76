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
 * A person's timeline, newest first, in French: the registration, then every event of their pathway as
 * pathway-service's events route gives it to the pathway's ACI staff, with who recorded it. Where that route is
 * missing (an older pathway-service), the dates the pathway's state keeps stand in: hiring, move to Convergence,
 * open barriers, monthly hours, exit, follow-up.
 */
public final class Timeline {

    /** One line of the timeline; {@code recordedBy} is the user id of who recorded it, when known. */
    public record Entry(LocalDate date, String title, String detail, String recordedBy) {

        Entry(LocalDate date, String title, String detail) {
            this(date, title, detail, null);
        }
    }

    /** From the pathway's events (newest first, as the service lists them) plus the registration. */
    public static List<Entry> ofEvents(JsonNode participant, JsonNode events, Labels labels) {
        List<Entry> entries = new ArrayList<>();
        registration(participant, entries);
        for (JsonNode e : events) {
            JsonNode d = e.path("data");
            LocalDate on = LocalDate.parse(e.path("occurredOn").asString());
            String by = e.path("recordedBy").asString(null);
            String title;
            String detail = null;
            switch (e.path("type").asString("")) {
                case "ParticipantHired" -> {
                    title = "Embauche";
                    detail = "Programme " + labels.programme(d.path("programme").asString()) + ", "
                            + labels.hours(d.path("weeklyHours").asDouble()) + " par semaine, fin prévue le "
                            + labels.date(d.path("plannedEnd").asString());
                }
                case "WeeklyHoursChanged" -> {
                    title = "Heures hebdomadaires";
                    detail = labels.hours(d.path("fromHours").asDouble()) + " → " + labels.hours(d.path("toHours").asDouble());
                }
                case "ProgrammeTransitioned" -> {
                    title = "Passage en Convergence";
                    detail = labels.hours(d.path("weeklyHours").asDouble()) + " par semaine, fin prévue le "
                            + labels.date(d.path("plannedEnd").asString());
                }
                case "PathwayExtended" -> {
                    title = "Prolongation";
                    detail = "Nouvelle fin prévue le " + labels.date(d.path("newPlannedEnd").asString()) + " — "
                            + Labels.label(Labels.EXTENSION_REASONS, d.path("reason").asString());
                }
                case "BarrierAssessed" -> {
                    title = "Frein identifié : " + labels.barrier(d.path("domain").asString());
                    detail = "Intensité " + lower(labels.intensity(d.path("intensity").asString()))
                            + ", prise en charge " + lower(labels.handling(d.path("handling").asString()));
                }
                case "BarrierLifted" -> title = "Frein levé : " + labels.barrier(d.path("domain").asString());
                case "HousingSecured" -> title = "Logement : " + Labels.label(Labels.HOUSING_KINDS, d.path("kind").asString());
                case "HealthCareAccessed" -> title = "Accès aux soins";
                case "RightsOpened" -> title = "Ouverture de droits : " + Labels.label(Labels.RIGHTS, d.path("right").asString());
                case "TrainingStarted" -> {
                    title = "Entrée en formation";
                    detail = d.path("trainingId").asString("") + (d.path("qualifying").asBoolean(false) ? " (qualifiante)" : "");
                }
                case "TrainingCompleted" -> {
                    title = "Fin de formation";
                    detail = d.path("trainingId").asString("") + (d.path("certified").asBoolean(false) ? " (certification obtenue)" : "");
                }
                case "ImmersionDone" -> title = "Immersion (PMSMP) de " + d.path("days").asInt() + " jour(s)";
                case "MonthlyHoursReported" -> {
                    title = "Heures du mois " + FrenchDates.formatMonth(d.path("month").asString());
                    detail = hours(d.path("hours").asDouble()) + " travaillées";
                }
                case "ParticipantExited" -> {
                    title = "Sortie";
                    detail = labels.exitReason(d.path("reason").asString(null)) + " — "
                            + labels.exitCategory(d.path("category").asString(null));
                }
                case "PathwayTransferred" -> {
                    title = "Changement d'ACI";
                    detail = "De " + labels.aci(d.path("fromAciId").asString("")) + " vers "
                            + labels.aci(d.path("toAciId").asString(""));
                }
                case "FollowUpStarted" -> title = "Début du suivi après sortie";
                case "FollowUpEnded" -> title = "Fin du suivi après sortie";
                default -> title = "Autre événement (" + e.path("type").asString("") + ")";
            }
            entries.add(new Entry(on, title, detail, by));
        }
        // stable: same-day events keep the service's newest-first order
        entries.sort(Comparator.comparing(Entry::date).reversed());
        return entries;
    }

    private static void registration(JsonNode participant, List<Entry> entries) {
        String registered = participant.path("registeredAt").asString(null);
        if (registered != null && !registered.isBlank()) {
            entries.add(new Entry(Instant.parse(registered).atZone(FrenchDates.PARIS).toLocalDate(), "Inscription",
                    null));
        }
    }

    /** "Par l'ACI" → "par l'ACI": the label inside a sentence, acronyms kept. */
    private static String lower(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.FRENCH) + s.substring(1);
    }

    private Timeline() {
    }

    public static List<Entry> of(JsonNode participant, JsonNode pathway, Labels labels) {
        List<Entry> entries = new ArrayList<>();
        registration(participant, entries);
        if (pathway != null) {
            add(entries, pathway, "startedOn", "Embauche",
                    "Programme " + labels.programme(pathway.path("programme").asString())
                            + (pathway.path("cvgSince").isNull() || pathway.path("cvgSince").isMissingNode() ? "" : " (entrée en PHC)"));
            add(entries, pathway, "cvgSince", "Passage en Convergence", null);
            for (var barrier : pathway.path("openBarriers").properties()) {
                JsonNode b = barrier.getValue();
                entries.add(new Entry(LocalDate.parse(b.path("since").asString()),
                        "Frein identifié : " + labels.barrier(barrier.getKey()),
                        "Intensité " + lower(labels.intensity(b.path("intensity").asString()))
                                + ", prise en charge " + lower(labels.handling(b.path("handling").asString()))));
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
