package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Change weekly hours from {@code date}. */
public record ChangeWeeklyHours(@TargetAggregateIdentifier String pathwayId, LocalDate date, double weeklyHours) {
}
