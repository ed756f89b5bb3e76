package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Assess (or re-assess) a barrier. */
public record AssessBarrier(@TargetAggregateIdentifier String pathwayId, LocalDate date, BarrierDomain domain, Intensity intensity, Handling handling) {
}
