package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Lift an open barrier. */
public record LiftBarrier(@TargetAggregateIdentifier String pathwayId, LocalDate date, BarrierDomain domain) {
}
