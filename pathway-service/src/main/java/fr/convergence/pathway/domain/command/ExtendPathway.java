package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Extend the pathway by a decision taken on {@code date}. */
public record ExtendPathway(@TargetAggregateIdentifier String pathwayId, LocalDate date, LocalDate newPlannedEnd, ExtensionReason reason, String decisionReference) {
}
