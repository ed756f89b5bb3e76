package fr.convergence.workspace.person;

import fr.convergence.workspace.web.Labels;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pathway view says about the person's situation and the support itself, in French for the person's page:
 * the entry profile, where they live now, how much accompaniment there was, and after the exit the follow-up
 * contacts done and still due. Every field is read tolerantly: an older pathway-service without them shows
 * "Non renseigné" rather than failing.
 *
 * @param profile          the entry profile as label/value lines, empty when none is recorded
 * @param profileOn        the day the profile was recorded (French), or null
 * @param housingNow       the current housing situation, or null when unknown
 * @param housingAtExit    the housing situation at the exit, or null
 * @param accompaniments   the counts per kind (total, interviews, accompanied visits, case conferences)
 * @param lastAccompaniment the last accompaniment's day (French), or null
 * @param contactsDone     the follow-up contacts recorded, as French lines
 * @param contactsDue      the expected contacts not yet recorded
 * @param cancellableUntil the last day the exit may be cancelled, or null (not exited, or too late)
 */
public record PathwaySituation(List<Line> profile, String profileOn, String housingNow, String housingAtExit,
                               List<Line> accompaniments, String lastAccompaniment, List<String> contactsDone,
                               List<Due> contactsDue, LocalDate cancellableUntil) {

    public record Line(String label, String value) {
    }

    /** An expected follow-up contact: "Contact à 3 mois", due on a day, overdue or not. */
    public record Due(int months, LocalDate dueOn, boolean overdue) {

        public String label() {
            return "Contact à " + months + " mois";
        }
    }

    public static PathwaySituation of(JsonNode pathway, Labels labels, LocalDate today) {
        List<Line> profile = new ArrayList<>();
        String profileOn = null;
        JsonNode p = pathway.path("entryProfile");
        if (p.isObject()) {
            profile.add(new Line("Logement à l'entrée", labels.housingSituation(text(p, "housing"))));
            profile.add(new Line("Sans logement depuis", labels.durationBand(text(p, "withoutHousing"))));
            profile.add(new Line("Orienté·e par", labels.referralSource(text(p, "referredBy"))));
            profile.add(new Line("Couverture santé", labels.healthCover(text(p, "healthCover"))));
            List<String> rights = new ArrayList<>();
            p.path("rightsAtEntry").forEach(r -> rights.add(labels.right(r.asString())));
            profile.add(new Line("Droits ouverts à l'entrée", rights.isEmpty() ? "Aucun" : String.join(", ", rights)));
            profile.add(new Line("Sans emploi depuis", labels.durationBand(text(p, "withoutWork"))));
            profileOn = blankToNull(labels.date(text(p, "recordedOn")));
        }
        JsonNode a = pathway.path("accompaniments");
        List<Line> accompaniments = List.of(
                new Line("Entretiens", labels.count(a.path("interviews").asLong(0))),
                new Line("Accompagnements physiques (soins, démarches, logement, justice)",
                        labels.count(a.path("accompaniedVisits").asLong(0))),
                new Line("Réunions de concertation", labels.count(a.path("caseConferences").asLong(0))),
                new Line("Total", labels.count(a.path("total").asLong(0))));
        List<String> done = new ArrayList<>();
        for (JsonNode c : pathway.path("followUpContacts")) {
            String difficulty = text(c, "newDifficulty");
            done.add("Contact à " + c.path("milestoneMonths").asInt() + " mois, le " + labels.date(text(c, "date")) + " : "
                    + labels.employmentSituation(text(c, "employment")) + " ; "
                    + labels.housingSituation(text(c, "housing"))
                    + (difficulty == null ? "" : " ; nouvelle difficulté : " + labels.barrier(difficulty)));
        }
        List<Due> due = new ArrayList<>();
        for (JsonNode d : pathway.path("followUpDue")) {
            LocalDate on = date(text(d, "dueOn"));
            if (on != null) {
                due.add(new Due(d.path("milestoneMonths").asInt(), on, on.isBefore(today)));
            }
        }
        LocalDate until = date(text(pathway, "exitCancellableUntil"));
        return new PathwaySituation(profile, profileOn, blankToNull(labels.housingSituation(text(pathway, "housingSituation"))),
                blankToNull(labels.housingSituation(text(pathway, "housingAtExit"))), accompaniments,
                blankToNull(labels.date(text(a, "lastOn"))), done, due,
                until != null && !until.isBefore(today) ? until : null);
    }

    public boolean hasProfile() {
        return !profile.isEmpty();
    }

    /** The exit may still be cancelled (by the territory's coordinator). */
    public boolean exitCancellable() {
        return cancellableUntil != null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.asString("");
        return s.isBlank() ? null : s;
    }

    private static LocalDate date(String iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
