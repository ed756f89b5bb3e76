package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.HousingSituation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the person's housing situation changed on {@code date}. */
public record ChangeHousingSituation(@TargetAggregateIdentifier String pathwayId, LocalDate date,
                                     HousingSituation situation) {
}
