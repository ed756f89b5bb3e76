package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Weekly hours changed from a date (the PHC ramp-up, 4 → 6 → 8 … h). */
@Revision("1")
public record WeeklyHoursChanged(String pathwayId, LocalDate occurredOn, double fromHours, double toHours) implements PathwayEvent {
}
