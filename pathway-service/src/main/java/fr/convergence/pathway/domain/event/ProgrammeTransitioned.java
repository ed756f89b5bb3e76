package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** PHC → CVG on a new contract; the pathway, its history and its total length go on. */
@Revision("1")
public record ProgrammeTransitioned(String pathwayId, LocalDate occurredOn, Programme from, Programme to, LocalDate plannedEnd, double weeklyHours, boolean hoursDerogation) implements PathwayEvent {
}
