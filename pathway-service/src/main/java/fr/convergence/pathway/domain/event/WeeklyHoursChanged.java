package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.Programme;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Weekly hours changed from a date (the PHC ramp-up, 4 → 6 → 8 … h).
 *
 * <p>Revision 2 carries the programme the hours were set under, so that PHC ramp-ups can be told from CVG
 * changes without replaying the stream. Revision 1 events are read through {@code WeeklyHoursChangedUpcaster},
 * which leaves the programme null (unknown: it was not recorded then).
 */
@Revision("2")
public record WeeklyHoursChanged(String pathwayId, LocalDate occurredOn, double fromHours, double toHours,
                                 Programme programme) implements PathwayEvent {
}
