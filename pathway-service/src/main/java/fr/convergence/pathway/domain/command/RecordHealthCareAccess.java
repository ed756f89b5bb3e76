package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record access to health care. */
public record RecordHealthCareAccess(@TargetAggregateIdentifier String pathwayId, LocalDate date) {
}
