package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A contact after the exit and the situation found: the milestone it counts for (months after the exit), work,
 * housing, and a new difficulty if one appeared (null otherwise).
 */
@Revision("1")
public record FollowUpContactRecorded(String pathwayId, LocalDate occurredOn, int milestoneMonths,
                                      EmploymentSituation employment, HousingSituation housing,
                                      BarrierDomain newDifficulty) implements PathwayEvent {
}
