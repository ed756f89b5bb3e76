package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Exit the pathway on {@code date} for a reason of the exit-reason table. */
public record ExitPathway(@TargetAggregateIdentifier String pathwayId, LocalDate date, String reason) {
}
