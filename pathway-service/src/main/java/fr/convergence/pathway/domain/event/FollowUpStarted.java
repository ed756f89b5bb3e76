package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Post-exit follow-up started. */
@Revision("1")
public record FollowUpStarted(String pathwayId, LocalDate occurredOn) implements PathwayEvent {
}
