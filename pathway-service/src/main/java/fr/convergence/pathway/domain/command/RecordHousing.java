package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record housing or shelter secured. */
public record RecordHousing(@TargetAggregateIdentifier String pathwayId, LocalDate date, HousingKind kind) {
}
