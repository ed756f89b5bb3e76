package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a right opened. */
public record RecordRightsOpened(@TargetAggregateIdentifier String pathwayId, LocalDate date, RightKind right) {
}
