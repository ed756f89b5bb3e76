package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start post-exit follow-up. */
public record StartFollowUp(@TargetAggregateIdentifier String pathwayId, LocalDate date) {
}
