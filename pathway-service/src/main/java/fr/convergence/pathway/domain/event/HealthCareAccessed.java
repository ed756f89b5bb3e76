package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Access to health care. Deliberately carries no detail: health data is special-category (GDPR Art. 9). */
@Revision("1")
public record HealthCareAccessed(String pathwayId, LocalDate occurredOn) implements PathwayEvent {
}
