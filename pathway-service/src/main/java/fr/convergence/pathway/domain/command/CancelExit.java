package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.CorrectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a mistaken exit (the coordinator's decision, checked by the API), within the programme's window. */
public record CancelExit(@TargetAggregateIdentifier String pathwayId, CorrectionReason reason) {
}
