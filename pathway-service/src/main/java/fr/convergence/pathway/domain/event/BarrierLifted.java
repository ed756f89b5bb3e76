package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A barrier lifted. */
@Revision("1")
public record BarrierLifted(String pathwayId, LocalDate occurredOn, BarrierDomain domain) implements PathwayEvent {
}
