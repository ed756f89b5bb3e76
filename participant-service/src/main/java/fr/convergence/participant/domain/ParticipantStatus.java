package fr.convergence.participant.domain;

/**
 * Where the person stands in this service. Pathway states (hired, exited…) belong to pathway-service; here a
 * participant is either known (ACTIVE) or crypto-erased (ERASED), which is all other services need to know.
 */
public enum ParticipantStatus {
    ACTIVE, ERASED
}
