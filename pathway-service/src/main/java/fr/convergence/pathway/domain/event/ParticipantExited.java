package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Exit with its reason and national category; only follow-up may follow. */
@Revision("1")
public record ParticipantExited(String pathwayId, LocalDate occurredOn, String reason, ExitCategory category, int monthsInPathway) implements PathwayEvent {
}
