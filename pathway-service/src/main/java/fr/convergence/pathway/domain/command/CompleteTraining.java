package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Complete a started training. */
public record CompleteTraining(@TargetAggregateIdentifier String pathwayId, LocalDate date, String trainingId, boolean certified) {
}
