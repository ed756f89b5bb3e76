package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person's housing changed (street → shelter → durable housing…); {@code from} is null when it was unknown. */
@Revision("1")
public record HousingSituationChanged(String pathwayId, LocalDate occurredOn, HousingSituation from,
                                      HousingSituation to) implements PathwayEvent {
}
