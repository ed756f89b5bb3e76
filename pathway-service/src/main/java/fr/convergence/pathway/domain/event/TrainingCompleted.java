package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A training completed. */
@Revision("1")
public record TrainingCompleted(String pathwayId, LocalDate occurredOn, String trainingId, boolean certified) implements PathwayEvent {
}
