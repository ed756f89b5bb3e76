package fr.convergence.participant.domain.event;

/** Tells consumers to drop whatever they link to this pseudonymous id beyond aggregates. */
public record ParticipantErased(String participantId, String territory, String aciId) implements IntegrationEvent {
    @Override
    public String key() {
        return participantId;
    }
}
