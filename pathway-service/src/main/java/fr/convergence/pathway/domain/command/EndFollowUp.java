package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** End post-exit follow-up. */
public record EndFollowUp(@TargetAggregateIdentifier String pathwayId, LocalDate date) {
}
