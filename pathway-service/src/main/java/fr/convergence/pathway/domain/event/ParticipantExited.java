package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Exit with its reason and national category, and the housing situation at exit (revision 2; null when not known,
 * as on every revision-1 exit); only follow-up may follow.
 */
@Revision("2")
public record ParticipantExited(String pathwayId, LocalDate occurredOn, String reason, ExitCategory category,
                                int monthsInPathway, HousingSituation housingAtExit) implements PathwayEvent {
}
