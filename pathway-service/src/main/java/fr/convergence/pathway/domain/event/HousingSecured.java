package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Housing or shelter secured. */
@Revision("1")
public record HousingSecured(String pathwayId, LocalDate occurredOn, HousingKind kind) implements PathwayEvent {
}
