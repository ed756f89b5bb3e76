package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.CorrectionReason;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A mistaken exit is cancelled (by a coordinator, within the programme's short window): the pathway is active
 * again as if the exit at {@code exitSequence} had not happened. The exit stays in the stream, for the audit.
 */
@Revision("1")
public record ExitCancelled(String pathwayId, LocalDate occurredOn, long exitSequence, LocalDate exitDate,
                            CorrectionReason reason) implements PathwayEvent {
}
