package fr.convergence.reporting.projection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Applies one pathway event to the pathway's facts. The caller has already checked that the event is the next
 * in sequence; this only interprets the payload. Types unknown to this version advance the sequence and change
 * nothing (new types may appear within v1).
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
            case "ParticipantHired" -> hired(f, e, date);
            case "WeeklyHoursChanged" -> {
                f.weeklyHours = e.number("toHours");
                f.hoursSteps.add(new PathwayFacts.HoursStep(date, f.weeklyHours));
            }
            case "ProgrammeTransitioned" -> {
                String to = programme(e.text("to"));
                f.transitionDate = date;
                f.transitionTo = to;
                f.programme = to;
                f.weeklyHours = e.number("weeklyHours");
                f.hoursSteps.add(new PathwayFacts.HoursStep(date, f.weeklyHours));
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
            }
            default -> {
                // PathwayExtended, BarrierLifted, ImmersionDone, follow-up and future types: no national figure
            }
        }
        f.lastSequence = e.sequence();
        f.lastEventDate = f.lastEventDate == null || date.compareTo(f.lastEventDate) > 0 ? date : f.lastEventDate;
        return f;
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
        f.hoursSteps.add(new PathwayFacts.HoursStep(date, f.weeklyHours));
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

    private static String earliest(String current, String date) {
        return current == null || date.compareTo(current) < 0 ? date : current;
    }
}
