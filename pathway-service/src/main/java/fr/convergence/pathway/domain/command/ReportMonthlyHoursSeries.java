package fr.convergence.pathway.domain.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Report several months' hours at once (e.g. a catch-up); each month follows the rules of a single report. */
public record ReportMonthlyHoursSeries(@TargetAggregateIdentifier String pathwayId, List<MonthHours> months) {

    /** One month (yyyy-MM) and its hours. */
    public record MonthHours(String month, Double hours) {
    }
}
