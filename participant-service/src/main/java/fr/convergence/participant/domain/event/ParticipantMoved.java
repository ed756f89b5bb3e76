package fr.convergence.participant.domain.event;

public record ParticipantMoved(String participantId, String territory, String fromAciId, String toAciId,
                               String referentId) implements IntegrationEvent {
    @Override
    public String key() {
        return participantId;
    }
}
