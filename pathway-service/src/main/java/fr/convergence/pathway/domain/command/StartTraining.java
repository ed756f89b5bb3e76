package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start a training. */
public record StartTraining(@TargetAggregateIdentifier String pathwayId, LocalDate date, String trainingId, boolean qualifying) {
}
