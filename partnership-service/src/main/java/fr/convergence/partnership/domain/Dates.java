package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;

/** Shared date rules: an act may be recorded late but never in the future (Europe/Paris calendar date). */
final class Dates {

    private Dates() {
    }

    static void notInFuture(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw new RuleViolation("date-in-future", field, field + " " + date + " is after today (" + today + ")");
        }
    }

    static void notBefore(LocalDate date, LocalDate earliest, String field, String what) {
        if (date.isBefore(earliest)) {
            throw new RuleViolation("date-before-" + what, field, field + " " + date + " is before the " + what
                    + " (" + earliest + ")");
        }
    }
}
