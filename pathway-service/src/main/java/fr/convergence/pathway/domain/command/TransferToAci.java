package fr.convergence.pathway.domain.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Follow the participant to another ACI of the territory (their coordinator moved them in participant-service): the
 * pathway goes on, from {@code date}, in {@code toAciId}.
 */
public record TransferToAci(@TargetAggregateIdentifier String pathwayId, LocalDate date, String toAciId) {
}
