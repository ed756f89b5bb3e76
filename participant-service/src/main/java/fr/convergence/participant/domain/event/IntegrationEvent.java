package fr.convergence.participant.domain.event;

/**
 * A fact this service tells other services. By construction these records hold no personal data: only the
 * pseudonymous participant id, codes, the age band and staff ids. Adding a field here is a privacy decision.
 */
public sealed interface IntegrationEvent permits ParticipantRegistered, ParticipantMoved, ParticipantErased, ParticipantContactRectified,
        TerritoryCreated, TerritoryChanged, AciCreated, AciChanged {

    /** Territory whose topic carries the event. */
    String territory();

    /** Kafka key: the pseudonymous participant id, or the territory code for reference data, so order holds per key. */
    String key();

    default String type() {
        return getClass().getSimpleName();
    }
}
