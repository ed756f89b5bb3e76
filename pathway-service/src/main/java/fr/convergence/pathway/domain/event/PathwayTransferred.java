package fr.convergence.pathway.domain.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The pathway goes on in another ACI of the same territory from {@code occurredOn}: its staff, hours and figures follow. */
@Revision("1")
public record PathwayTransferred(String pathwayId, LocalDate occurredOn, String fromAciId, String toAciId)
        implements PathwayEvent {
}
