package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a contact after the exit and the situation found; {@code newDifficulty} may be null. */
public record RecordFollowUpContact(@TargetAggregateIdentifier String pathwayId, LocalDate date,
                                    EmploymentSituation employment, HousingSituation housing,
                                    BarrierDomain newDifficulty) {
}
