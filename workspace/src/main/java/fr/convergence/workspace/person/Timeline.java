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
                    String housing = text(d, "housingAtExit");
                    detail = labels.exitReason(d.path("reason").asString(null)) + " — "
                            + labels.exitCategory(d.path("category").asString(null))
                            + (housing == null ? "" : " — logement à la sortie : " + lower(labels.housingSituation(housing)));
                }
                case "EntryProfileRecorded" -> {
                    title = text(d, "correctionReason") == null ? "Profil à l'entrée" : "Profil à l'entrée corrigé";
                    detail = "Logement : " + lower(labels.housingSituation(text(d, "housing")))
                            + ", orienté·e par : " + lower(labels.referralSource(text(d, "referredBy")))
                            + (text(d, "correctionReason") == null ? ""
                            : " — raison de la correction : " + lower(labels.correctionReason(text(d, "correctionReason"))));
                }
                case "AccompanimentRecorded" -> {
                    title = text(d, "kind") == null ? "Accompagnement" : labels.accompanimentKind(text(d, "kind"));
                    List<String> roles = new ArrayList<>();
                    d.path("participants").forEach(r -> roles.add(lower(labels.supportRole(r.asString()))));
                    detail = labels.sessionLength(text(d, "length"))
                            + (roles.isEmpty() ? "" : ", avec : " + String.join(", ", roles));
                }
                case "HousingSituationChanged" -> {
                    title = "Logement : " + lower(labels.housingSituation(text(d, "to")));
                    detail = text(d, "from") == null ? null : "Auparavant : " + lower(labels.housingSituation(text(d, "from")));
                }
                case "FollowUpContactRecorded" -> {
                    title = "Contact de suivi à " + d.path("milestoneMonths").asInt() + " mois";
                    detail = labels.employmentSituation(text(d, "employment")) + " ; "
                            + lower(labels.housingSituation(text(d, "housing")))
                            + (text(d, "newDifficulty") == null ? ""
                            : " ; nouvelle difficulté : " + lower(labels.barrier(text(d, "newDifficulty"))));
                }
                case "EventDateCorrected" -> {
                    title = "Date corrigée : " + labels.pathwayEvent(text(d, "correctedType"))
                            + (d.path("correctedSequence").canConvertToLong() ? " (n° " + d.path("correctedSequence").asLong() + ")" : "");
                    detail = "Du " + labels.date(text(d, "wrongDate")) + " au " + labels.date(text(d, "rightDate"))
                            + " — " + lower(labels.correctionReason(text(d, "reason")));
                }
                case "ExitCancelled" -> {
                    title = "Sortie annulée";
                    detail = "Sortie du " + labels.date(text(d, "exitDate")) + " — "
                            + lower(labels.correctionReason(text(d, "reason")));
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

    /** A text field of an event's data, or null when absent, null or blank. */
    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.asString("");
        return s.isBlank() ? null : s;
    }

    /** "Par l'ACI" → "par l'ACI": the label inside a sentence, acronyms kept. */
    private static String lower(String s) {
        if (s == null || s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
            return s == null ? "" : s; // an acronym (CIP, SIAO, CDI) keeps its capitals
        }
        return s.substring(0, 1).toLowerCase(java.util.Locale.FRENCH) + s.substring(1);
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
