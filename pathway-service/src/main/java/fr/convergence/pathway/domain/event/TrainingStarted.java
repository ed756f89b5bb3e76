package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A training started. */
@Revision("1")
public record TrainingStarted(String pathwayId, LocalDate occurredOn, String trainingId, boolean qualifying) implements PathwayEvent {
}
