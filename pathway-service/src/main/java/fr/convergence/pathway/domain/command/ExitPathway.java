package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.HousingSituation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Exit the pathway on {@code date} for a reason of the exit-reason table; {@code housingAtExit} may be null, and the
 * last known housing situation is then taken.
 */
public record ExitPathway(@TargetAggregateIdentifier String pathwayId, LocalDate date, String reason,
                          HousingSituation housingAtExit) {

    public ExitPathway(String pathwayId, LocalDate date, String reason) {
        this(pathwayId, date, reason, null);
    }
}
