package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An extension decision moving the planned end; cumulative length checked against the programme maximum. */
@Revision("1")
public record PathwayExtended(String pathwayId, LocalDate occurredOn, LocalDate previousPlannedEnd, LocalDate newPlannedEnd, ExtensionReason reason, String decisionReference) implements PathwayEvent {
}
