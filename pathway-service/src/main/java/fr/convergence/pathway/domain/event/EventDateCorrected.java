package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.CorrectionReason;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A compensating correction: the event at {@code correctedSequence} happened on {@code rightDate}, not on
 * {@code wrongDate}. The mistaken event stays in the stream; whoever reads the stream applies this on top.
 * {@code occurredOn} is the day the correction was made.
 */
@Revision("1")
public record EventDateCorrected(String pathwayId, LocalDate occurredOn, long correctedSequence,
                                 String correctedType, LocalDate wrongDate, LocalDate rightDate,
                                 CorrectionReason reason) implements PathwayEvent {
}
