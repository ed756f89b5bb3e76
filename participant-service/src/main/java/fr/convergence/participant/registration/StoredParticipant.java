package fr.convergence.participant.registration;

import fr.convergence.participant.domain.ParticipantStatus;

import java.time.Instant;

/**
 * A participant document as stored: who it is only in {@code sealedPersonalData} (null once erased), the rest
 * pseudonymous.
 */
record StoredParticipant(String id, String territory, String aciId, String referentId, ParticipantStatus status,
                         String sealedPersonalData, Instant registeredAt, Instant erasedAt, long version) {
}
