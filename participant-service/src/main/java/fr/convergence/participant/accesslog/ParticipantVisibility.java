package fr.convergence.participant.accesslog;

import fr.convergence.kit.security.Caller;

/**
 * Whether a caller sees a participant, answered by the registration side that owns participants; declared here so
 * that the access log depends on registration through this one question and not the other way round.
 */
@FunctionalInterface
public interface ParticipantVisibility {

    /** Returns if the participant exists and the caller sees them; otherwise throws a 404, like an unknown one. */
    void requireVisible(Caller caller, String participantId);
}
