package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A work immersion (PMSMP) done with another employer. */
@Revision("1")
public record ImmersionDone(String pathwayId, LocalDate occurredOn, int days) implements PathwayEvent {
}
