package fr.convergence.participant.accesslog;

import java.time.Instant;

/**
 * One read of a participant's personal data: who (the token's subject) in which role, when, why, and through which
 * operation.
 */
public record AccessEntry(Instant at, String who, String role, String purpose, String action, String correlationId) {
}
