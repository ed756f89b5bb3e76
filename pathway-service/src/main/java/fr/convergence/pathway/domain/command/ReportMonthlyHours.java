package fr.convergence.pathway.domain.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report the hours worked in {@code month} (yyyy-MM); a second report of the same month corrects the first. */
public record ReportMonthlyHours(@TargetAggregateIdentifier String pathwayId, String month, double hours) {
}
