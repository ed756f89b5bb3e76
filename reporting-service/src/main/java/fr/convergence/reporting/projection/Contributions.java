package fr.convergence.reporting.projection;

import fr.convergence.reporting.rules.ProgrammeLimits;

import fr.convergence.reporting.indicators.Contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Derives, from a pathway's facts, what it contributes to each cell. Because the whole contribution is a
 * function of the facts, applying an event means "replace this pathway's share in the cells that changed":
 * doing it twice gives the same cells, which is what makes redelivery harmless.
 */
public final class Contributions {

    /** A trajectory longer than the PHC sas has no meaning and would only grow the document. */

    private Contributions() {
    }

    public static Map<Cell, Contribution> of(PathwayFacts f) {
        Map<Cell, Builder> cells = new LinkedHashMap<>();
        if (!f.hired()) {
            return Map.of();
        }
        LocalDate entry = LocalDate.parse(f.entryDate);
        Builder entryCell = cell(cells, f, entry);
        entryCell.entered = 1;
        if ("PHC".equals(f.entryProgramme)) {
            entryCell.phcTrajectory = trajectory(f);
            entryCell.currentPhcHours = f.exitDate == null && f.transitionDate == null ? f.weeklyHours : null;
        }
        if (f.transitionDate != null) {
            LocalDate t = LocalDate.parse(f.transitionDate);
            cells.computeIfAbsent(new Cell(f.territory, f.aciAt(t), f.entryProgramme, month(t)), k -> new Builder())
                    .transitionOut = 1;
            cells.computeIfAbsent(new Cell(f.territory, f.aciAt(t), f.transitionTo, month(t)), k -> new Builder())
                    .transitionIn = 1;
        }
        String from = f.aciId;
        for (PathwayFacts.AciStep move : f.aciSteps) {
            LocalDate on = LocalDate.parse(move.from());
            cells.computeIfAbsent(new Cell(f.territory, from, programmeAt(f, on), month(on)), k -> new Builder())
                    .movedOut += 1;
            cells.computeIfAbsent(new Cell(f.territory, move.aciId(), programmeAt(f, on), month(on)), k -> new Builder())
                    .movedIn += 1;
            from = move.aciId();
        }
        if (f.exitDate != null) {
            Builder b = cell(cells, f, LocalDate.parse(f.exitDate));
            b.exited = 1;
            b.exitCategory = f.exitCategory;
            b.exitReason = f.exitReason;
            b.monthsInPathway = f.monthsInPathway;
        }
        if (f.durableHousingDate != null) {
            cell(cells, f, LocalDate.parse(f.durableHousingDate)).durableHousing = 1;
        }
        if (f.healthCareDate != null) {
            cell(cells, f, LocalDate.parse(f.healthCareDate)).healthCare = 1;
        }
        if (f.rightsOpenedDate != null) {
            cell(cells, f, LocalDate.parse(f.rightsOpenedDate)).rightsOpened = 1;
        }
        if (f.trainingStartedDate != null) {
            cell(cells, f, LocalDate.parse(f.trainingStartedDate)).trainingStarted = 1;
        }
        if (f.trainingCompletedDate != null) {
            cell(cells, f, LocalDate.parse(f.trainingCompletedDate)).trainingCompleted = 1;
        }
        if (f.firstBarrierDate != null) {
            Builder b = cell(cells, f, LocalDate.parse(f.firstBarrierDate));
            b.barrierPeople = 1;
            b.barrierInternal = f.barriers.values().stream().anyMatch(h -> !h.equals("PARTNER")) ? 1 : 0;
            b.barrierPartner = f.barriers.values().stream().anyMatch(h -> !h.equals("INTERNAL")) ? 1 : 0;
            b.barrierDomains = new ArrayList<>(new TreeSet<>(f.barriers.keySet()));
        }
        support(f, cells, entry);
        f.hoursByMonth.forEach((month, hours) -> {
            LocalDate endOfMonth = YearMonth.parse(month).atEndOfMonth();
            cell(cells, f, endOfMonth).hoursWorked += hours;
        });
        Map<Cell, Contribution> result = new LinkedHashMap<>();
        cells.forEach((cell, b) -> result.put(cell, b.build()));
        return result;
    }

    /** Issue 18: entry housing, accompaniment, housing at exit, follow-up, barriers lifted, extensions, immersions. */
    private static void support(PathwayFacts f, Map<Cell, Builder> cells, LocalDate entry) {
        if (f.entryProfile != null) {
            String housing = f.entryProfile.housing();
            // in every cell where the pathway starts to count for a scope: whichever scope is read finds it once
            cells.values().stream().filter(b -> b.entered + b.transitionIn + b.movedIn > 0)
                    .forEach(b -> b.entryHousing = housing);
        }
        String lastDay = f.exitDate;   // acts after the exit are follow-up, outside the pathway's intensity
        for (PathwayFacts.DatedCode act : f.accompaniments) {
            if ((lastDay != null && act.date().compareTo(lastDay) > 0) || act.date().compareTo(f.entryDate) < 0) {
                continue;
            }
            Builder b = cell(cells, f, LocalDate.parse(act.date()));
            if ("INTERVIEW".equals(act.code())) {
                b.interviews++;
            } else if (act.code().startsWith("VISIT_")) {
                b.accompaniedVisits++;
            } else if ("CASE_CONFERENCE".equals(act.code())) {
                b.caseConferences++;
            }
        }
        if (f.exitDate != null) {
            Builder b = cell(cells, f, LocalDate.parse(f.exitDate));
            b.housingAtExit = f.housingAtExit;
            b.followUp6 = contact(f.followUpContacts.get("6"));
            b.followUp12 = contact(f.followUpContacts.get("12"));
        }
        f.barriersLifted.forEach((domain, date) -> cell(cells, f, LocalDate.parse(date)).barriersLifted.add(domain));
        for (String date : f.extensions) {
            cell(cells, f, LocalDate.parse(date)).extensions++;
        }
        for (PathwayFacts.Immersion immersion : f.immersions) {
            Builder b = cell(cells, f, LocalDate.parse(immersion.date()));
            b.immersions++;
            b.immersionDays += immersion.days();
        }
    }

    private static Contribution.Contact contact(PathwayFacts.FollowUpContact c) {
        return c == null ? null : new Contribution.Contact(c.employment(), c.housing());
    }

    /** The programme a pathway is under on a date: the entry programme before its transition, the new one after. */
    static String programmeAt(PathwayFacts f, LocalDate date) {
        return f.transitionDate != null && !date.isBefore(LocalDate.parse(f.transitionDate))
                ? f.transitionTo : f.entryProgramme;
    }

    private static Builder cell(Map<Cell, Builder> cells, PathwayFacts f, LocalDate date) {
        return cells.computeIfAbsent(new Cell(f.territory, f.aciAt(date), programmeAt(f, date), month(date)),
                k -> new Builder());
    }

    private static String month(LocalDate date) {
        return YearMonth.from(date).toString();
    }

    /**
     * Weekly hours in force at the end of each month from the PHC entry month, while the person is in PHC and
     * up to the last month the stream tells about (its last event, its exit or the month before its transition).
     */
    static List<Double> trajectory(PathwayFacts f) {
        YearMonth first = YearMonth.from(LocalDate.parse(f.entryDate));
        YearMonth last = YearMonth.from(LocalDate.parse(f.lastEventDate == null ? f.entryDate : f.lastEventDate));
        if (f.exitDate != null) {
            YearMonth exit = YearMonth.from(LocalDate.parse(f.exitDate));
            last = exit.isBefore(last) ? exit : last;
        }
        if (f.transitionDate != null) {
            YearMonth beforeTransition = YearMonth.from(LocalDate.parse(f.transitionDate)).minusMonths(1);
            last = beforeTransition.isBefore(last) ? beforeTransition : last;
        }
        List<Double> values = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last) && values.size() < ProgrammeLimits.CURRENT.phcCalendarMonths(); m = m.plusMonths(1)) {
            String endOfMonth = m.atEndOfMonth().toString();
            double hours = f.hoursSteps.isEmpty() ? f.weeklyHours : f.hoursSteps.get(0).hours();
            for (PathwayFacts.HoursStep step : f.hoursSteps) {
                if (step.from().compareTo(endOfMonth) <= 0) {
                    hours = step.hours();
                }
            }
            values.add(hours);
        }
        if (values.isEmpty()) {
            values.add(f.hoursSteps.isEmpty() ? f.weeklyHours : f.hoursSteps.get(0).hours());
        }
        return values;
    }

    private static final class Builder {
        int entered, exited, transitionIn, transitionOut, movedIn, movedOut, durableHousing, healthCare, rightsOpened, trainingStarted,
                trainingCompleted, barrierPeople, barrierInternal, barrierPartner;
        String exitCategory, exitReason;
        Integer monthsInPathway;
        List<String> barrierDomains;
        double hoursWorked;
        List<Double> phcTrajectory;
        Double currentPhcHours;
        String entryHousing, housingAtExit;
        int interviews, accompaniedVisits, caseConferences, extensions, immersions;
        double immersionDays;
        Contribution.Contact followUp6, followUp12;
        final java.util.SortedSet<String> barriersLifted = new TreeSet<>();

        Contribution build() {
            return new Contribution(entered, exited, transitionIn, transitionOut, exitCategory, exitReason,
                    monthsInPathway, durableHousing, healthCare, rightsOpened, trainingStarted, trainingCompleted,
                    barrierPeople, barrierInternal, barrierPartner, barrierDomains, hoursWorked, phcTrajectory,
                    currentPhcHours, movedIn, movedOut, new Contribution.Support(entryHousing, interviews,
                    accompaniedVisits, caseConferences, housingAtExit, followUp6, followUp12,
                    new ArrayList<>(barriersLifted), extensions, immersions, immersionDays));
        }
    }
}
