package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A barrier assessed (or re-assessed) with its intensity and who handles it. */
@Revision("1")
public record BarrierAssessed(String pathwayId, LocalDate occurredOn, BarrierDomain domain, Intensity intensity, Handling handling) implements PathwayEvent {
}
