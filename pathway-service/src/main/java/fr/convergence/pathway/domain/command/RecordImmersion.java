package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a work immersion of {@code days} days ending on {@code date}. */
public record RecordImmersion(@TargetAggregateIdentifier String pathwayId, LocalDate date, int days) {
}
