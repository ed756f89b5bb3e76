package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Move a PHC pathway to a CVG contract on {@code date}. */
public record TransitionToConvergence(@TargetAggregateIdentifier String pathwayId, LocalDate date, LocalDate plannedEnd, double weeklyHours, boolean hoursDerogation) {
}
