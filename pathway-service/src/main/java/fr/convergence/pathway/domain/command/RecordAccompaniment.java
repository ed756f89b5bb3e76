package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record one interview, accompanied visit or case conference and who took part (roles). */
public record RecordAccompaniment(@TargetAggregateIdentifier String pathwayId, LocalDate date, AccompanimentKind kind,
                                  SessionLength length, List<SupportRole> participants) {
}
