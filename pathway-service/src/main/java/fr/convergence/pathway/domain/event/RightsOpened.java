package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A right opened (RSA, AAH, CSS …). */
@Revision("1")
public record RightsOpened(String pathwayId, LocalDate occurredOn, RightKind right) implements PathwayEvent {
}
