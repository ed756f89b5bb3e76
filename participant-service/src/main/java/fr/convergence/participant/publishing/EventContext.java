package fr.convergence.participant.publishing;

import java.time.Instant;
import java.time.LocalDate;

/** Who recorded a change, when, and under which correlation id: the envelope around every event of that change. */
public record EventContext(String recordedBy, String correlationId, LocalDate occurredOn, Instant recordedAt) {
}
