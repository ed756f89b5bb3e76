package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Hiring on a PHC or CVG contract: opens the pathway. occurredOn is the contract start. */
@Revision("1")
public record ParticipantHired(String pathwayId, LocalDate occurredOn, String participantId, String territory, String aciId, Programme programme, LocalDate plannedEnd, double weeklyHours, boolean hoursDerogation) implements PathwayEvent {
}
