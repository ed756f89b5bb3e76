package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Hire a participant on a PHC or CVG contract starting on {@code date}: opens the pathway. */
public record HireParticipant(@TargetAggregateIdentifier String pathwayId, LocalDate date, String participantId, String territory, String aciId, Programme programme, LocalDate plannedEnd, double weeklyHours, boolean hoursDerogation) {
}
