package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Hours actually worked in one month (occurredOn is the month's first day); a later report of the same month corrects it. */
@Revision("1")
public record MonthlyHoursReported(String pathwayId, LocalDate occurredOn, String month, double hours) implements PathwayEvent {
}
