package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.CorrectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Correct the date of the event at {@code sequence} of this pathway's stream. */
public record CorrectEventDate(@TargetAggregateIdentifier String pathwayId, Long sequence, LocalDate rightDate,
                               CorrectionReason reason) {
}
