package fr.convergence.reporting.projection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Applies one pathway event to the pathway's facts. The caller has already checked that the event is the next
 * in sequence; this only interprets the payload. Types unknown to this version advance the sequence and change
 * nothing (new types may appear within v1). Corrections (EventDateCorrected, ExitCancelled) fold the pathway's log
 * again with the corrected dates and without the cancelled exit, so every figure derived from the facts follows.
 */
public final class PathwayFolding {

    private static final Set<String> PROGRAMMES = Set.of("PHC", "CVG");
    private static final Set<String> CATEGORIES = Set.of("DURABLE_EMPLOYMENT", "TRANSITION_EMPLOYMENT",
            "POSITIVE_EXIT", "OTHER_EXIT", "WITHDRAWN");

    private PathwayFolding() {
    }

    public static PathwayFacts apply(PathwayFacts before, PathwayEvent e) {
        String date = validDate(e.occurredOn(), "occurredOn");
        PathwayFacts f = before.copy();
        if (!f.hired() && !"ParticipantHired".equals(e.type())) {
            throw new InvalidEventException(e.type() + " at sequence " + e.sequence() + " before ParticipantHired");
        }
        requireSameTerritory(before, e);
        switch (e.type()) {
            case "MonthlyHoursReported" -> {
                fact(f, e, date);
                f.lastUnloggedDate = latest(f.lastUnloggedDate, date);
            }
            case "EventDateCorrected" -> {
                long corrected = sequence(e, "correctedSequence");
                String rightDate = validDate(e.textOr("rightDate", null), "data.rightDate");
                f.dateCorrections.put(String.valueOf(corrected), rightDate);
                f = replay(f);
            }
            case "ExitCancelled" -> {
                long exit = sequence(e, "exitSequence");
                if (!f.cancelledExits.contains(exit)) {
                    f.cancelledExits.add(exit);
                }
                if (Boolean.TRUE.equals(f.logged)) {
                    f = replay(f);
                } else if (f.exitDate != null && f.exitDate.equals(e.textOr("exitDate", null))) {
                    clearExit(f);   // a document without its log: the exit it names is the one in force
                }
            }
            default -> {
                if (Boolean.TRUE.equals(f.logged)) {
                    f.log.add(new PathwayFacts.LoggedEvent(e.sequence(), e.type(), date, e.aciId(), logged(e)));
                }
                fact(f, e, date);
            }
        }
        f.lastSequence = e.sequence();
        // after the switch: a replay starts from empty facts
        f.participantId = e.participantId() != null ? e.participantId() : before.participantId;
        return f;
    }

    /**
     * Folds the log again from nothing, each event on its corrected date and without the cancelled exits: the facts
     * are those of a history in which the mistakes never happened. A document without a log (written before it
     * existed) is left as it is.
     */
    static PathwayFacts replay(PathwayFacts f) {
        if (!Boolean.TRUE.equals(f.logged)) {
            return f;
        }
        PathwayFacts g = PathwayFacts.empty(f.pathwayId);
        g.log = f.log;
        g.dateCorrections = f.dateCorrections;
        g.cancelledExits = f.cancelledExits;
        g.hoursByMonth = f.hoursByMonth;
        g.lastUnloggedDate = f.lastUnloggedDate;
        g.lastEventDate = f.lastUnloggedDate;
        g.parkedUpTo = f.parkedUpTo;
        g.lastSequence = f.lastSequence;
        for (PathwayFacts.LoggedEvent l : f.log) {
            if ("ParticipantExited".equals(l.type()) && f.cancelledExits.contains(l.sequence())) {
                continue;
            }
            String date = f.dateCorrections.getOrDefault(String.valueOf(l.sequence()), l.occurredOn());
            fact(g, new PathwayEvent(null, l.type(), f.territory, l.aciId(), f.pathwayId, l.sequence(), date,
                    l.data()), date);
        }
        g.log = new java.util.ArrayList<>(f.log);
        return g;
    }

    /**
     * The payload fields {@link #fact} reads, per type: the only ones kept in the log (minimal, and never a field name
     * a future producer may choose). A type not listed keeps none (its date still counts as the last event's).
     */
    private static final java.util.Map<String, List<String>> READ = java.util.Map.ofEntries(
            java.util.Map.entry("ParticipantHired", List.of("programme", "weeklyHours", "aciId")),
            java.util.Map.entry("WeeklyHoursChanged", List.of("toHours")),
            java.util.Map.entry("ProgrammeTransitioned", List.of("to", "weeklyHours")),
            java.util.Map.entry("BarrierAssessed", List.of("domain", "handling")),
            java.util.Map.entry("HousingSecured", List.of("kind")),
            java.util.Map.entry("RightsOpened", List.of("right")),
            java.util.Map.entry("PathwayTransferred", List.of("toAciId")),
            java.util.Map.entry("ParticipantExited", List.of("category", "reason", "monthsInPathway", "housingAtExit")),
            java.util.Map.entry("EntryProfileRecorded", List.of("housing", "withoutHousing", "referredBy",
                    "healthCover", "withoutWork")),
            java.util.Map.entry("AccompanimentRecorded", List.of("kind")),
            java.util.Map.entry("HousingSituationChanged", List.of("to")),
            java.util.Map.entry("BarrierLifted", List.of("domain")),
            java.util.Map.entry("ImmersionDone", List.of("days")),
            java.util.Map.entry("FollowUpContactRecorded", List.of("milestoneMonths", "employment", "housing")));

    /** The payload kept in the log: the fields {@link #fact} reads, nothing else. */
    static java.util.Map<String, Object> logged(PathwayEvent e) {
        java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>();
        for (String field : READ.getOrDefault(e.type(), List.of())) {
            if (e.data().get(field) != null) {
                kept.put(field, e.data().get(field));
            }
        }
        return kept;
    }

    /** Applies one event of the pathway, on {@code date}, to the facts (mutated). */
    private static void fact(PathwayFacts f, PathwayEvent e, String date) {
        switch (e.type()) {
            case "ParticipantHired" -> hired(f, e, date);
            case "WeeklyHoursChanged" -> {
                f.weeklyHours = e.number("toHours");
                addHoursStep(f, new PathwayFacts.HoursStep(date, f.weeklyHours));
            }
            case "ProgrammeTransitioned" -> {
                String to = programme(e.text("to"));
                f.transitionDate = date;
                f.transitionTo = to;
                f.programme = to;
                f.weeklyHours = e.number("weeklyHours");
                addHoursStep(f, new PathwayFacts.HoursStep(date, f.weeklyHours));
            }
            case "BarrierAssessed" -> {
                String domain = e.text("domain");
                f.barriers.put(domain, handling(e.text("handling")));
                f.firstBarrierDate = earliest(f.firstBarrierDate, date);
            }
            case "HousingSecured" -> {
                if ("DURABLE_HOUSING".equals(e.text("kind"))) {
                    f.durableHousingDate = earliest(f.durableHousingDate, date);
                }
            }
            case "HealthCareAccessed" -> f.healthCareDate = earliest(f.healthCareDate, date);
            case "RightsOpened" -> {
                e.text("right");
                f.rightsOpenedDate = earliest(f.rightsOpenedDate, date);
            }
            case "TrainingStarted" -> f.trainingStartedDate = earliest(f.trainingStartedDate, date);
            case "TrainingCompleted" -> f.trainingCompletedDate = earliest(f.trainingCompletedDate, date);
            case "PathwayTransferred" -> {
                String to = e.text("toAciId");
                if (!to.matches("[A-Za-z0-9_.-]{1,64}") || !f.territory.equals(e.territory())) {
                    throw new InvalidEventException("PathwayTransferred to an ACI that is not a code: " + to);
                }
                f.aciSteps.add(new PathwayFacts.AciStep(date, to));
                f.aciSteps.sort(java.util.Comparator.comparing(PathwayFacts.AciStep::from));
            }
            case "MonthlyHoursReported" -> {
                String month = e.text("month");
                try {
                    YearMonth.parse(month);
                } catch (DateTimeParseException ex) {
                    throw new InvalidEventException("MonthlyHoursReported with month " + month + " (expected yyyy-MM)");
                }
                double hours = e.number("hours");
                if (hours < 0) {
                    throw new InvalidEventException("MonthlyHoursReported with negative hours");
                }
                f.hoursByMonth.put(month, hours);
            }
            case "ParticipantExited" -> {
                String category = e.text("category");
                if (!CATEGORIES.contains(category)) {
                    throw new InvalidEventException("unknown exit category " + category);
                }
                f.exitDate = date;
                f.exitCategory = category;
                f.exitReason = e.textOr("reason", "?");
                f.monthsInPathway = (int) Math.round(e.number("monthsInPathway"));
                f.exitSequence = e.sequence();
                f.housingAtExit = code(e, "housingAtExit");
                f.followUpContacts.clear();   // contacts belong to the exit in force (one cancelled has none)
            }
            // issue 18. Tolerant: a coded value this version does not know is kept as it is (it then counts in no
            // group), a missing optional one as null; nothing here refuses an event for its values.
            case "EntryProfileRecorded" -> f.entryProfile = new PathwayFacts.EntryProfile(
                    codeOr(e, "housing", "UNKNOWN"), code(e, "withoutHousing"), code(e, "referredBy"),
                    code(e, "healthCover"), code(e, "withoutWork"), e.sequence());
            case "AccompanimentRecorded" -> f.accompaniments.add(new PathwayFacts.DatedCode(date, codeOr(e, "kind", "?")));
            case "HousingSituationChanged" -> {
                String to = code(e, "to");
                if (to != null) {
                    f.housingSituation = to;
                }
            }
            case "BarrierLifted" -> {
                String domain = code(e, "domain");
                if (domain != null) {
                    f.barriersLifted.put(domain, earliest(f.barriersLifted.get(domain), date));
                }
            }
            case "PathwayExtended" -> f.extensions.add(date);
            case "ImmersionDone" -> f.immersions.add(new PathwayFacts.Immersion(date, numberOr(e, "days", 0)));
            case "FollowUpContactRecorded" -> {
                double milestone = numberOr(e, "milestoneMonths", -1);
                if (milestone > 0 && milestone == Math.rint(milestone)) {
                    f.followUpContacts.put(String.valueOf((long) milestone), new PathwayFacts.FollowUpContact(date,
                            codeOr(e, "employment", "UNKNOWN"), codeOr(e, "housing", "UNKNOWN")));
                }
            }
            default -> {
                // FollowUpStarted, FollowUpEnded and future types: no national figure
            }
        }
        f.lastEventDate = f.lastEventDate == null || date.compareTo(f.lastEventDate) > 0 ? date : f.lastEventDate;
    }

    private static void clearExit(PathwayFacts f) {
        f.exitDate = null;
        f.exitCategory = null;
        f.exitReason = null;
        f.monthsInPathway = null;
        f.exitSequence = null;
        f.housingAtExit = null;
    }

    /** Weekly hours steps stay in date order (a back-dated or corrected change goes where it belongs). */
    private static void addHoursStep(PathwayFacts f, PathwayFacts.HoursStep step) {
        f.hoursSteps.add(step);
        f.hoursSteps.sort(java.util.Comparator.comparing(PathwayFacts.HoursStep::from));
        f.weeklyHours = f.hoursSteps.get(f.hoursSteps.size() - 1).hours();
    }

    private static long sequence(PathwayEvent e, String field) {
        double value = e.number(field);
        if (value < 0 || value != Math.rint(value)) {
            throw new InvalidEventException(e.type() + " with data." + field + " not a sequence: " + value);
        }
        return (long) value;
    }

    private static String code(PathwayEvent e, String field) {
        Object value = e.data().get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String codeOr(PathwayEvent e, String field, String fallback) {
        String value = code(e, field);
        return value == null ? fallback : value;
    }

    private static double numberOr(PathwayEvent e, String field, double fallback) {
        Object value = e.data().get(field);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? fallback : Double.parseDouble(value.toString());
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }

    /** A pathway hired in one territory never takes an event from another's stream (same id, other topic). */
    public static void requireSameTerritory(PathwayFacts facts, PathwayEvent e) {
        if (facts.hired() && facts.territory != null && !facts.territory.equals(e.territory())) {
            throw new TerritoryMismatchException("event of territory " + e.territory() + " for pathway "
                    + facts.pathwayId + " of territory " + facts.territory);
        }
    }

    private static void hired(PathwayFacts f, PathwayEvent e, String date) {
        if (f.hired()) {
            throw new InvalidEventException("second ParticipantHired on pathway " + f.pathwayId);
        }
        f.territory = e.territory();
        f.aciId = e.aciId() != null ? e.aciId() : e.text("aciId");
        f.entryProgramme = programme(e.text("programme"));
        f.programme = f.entryProgramme;
        f.entryDate = date;
        f.weeklyHours = e.number("weeklyHours");
        addHoursStep(f, new PathwayFacts.HoursStep(date, f.weeklyHours));
    }

    private static String programme(String value) {
        if (!PROGRAMMES.contains(value)) {
            throw new InvalidEventException("unknown programme " + value);
        }
        return value;
    }

    private static String handling(String value) {
        if (!Set.of("INTERNAL", "PARTNER", "BOTH").contains(value)) {
            throw new InvalidEventException("unknown barrier handling " + value);
        }
        return value;
    }

    static String validDate(String value, String field) {
        try {
            return LocalDate.parse(value).toString();
        } catch (RuntimeException ex) {
            throw new InvalidEventException(field + " is not a date: " + value);
        }
    }

    private static String latest(String current, String date) {
        return current == null || date.compareTo(current) > 0 ? date : current;
    }

    private static String earliest(String current, String date) {
        return current == null || date.compareTo(current) < 0 ? date : current;
    }
}
