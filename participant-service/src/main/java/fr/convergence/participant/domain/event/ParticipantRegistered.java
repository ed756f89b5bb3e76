package fr.convergence.participant.domain.event;

import fr.convergence.participant.domain.AgeBand;
import fr.convergence.participant.domain.ParticipantStatus;

public record ParticipantRegistered(String participantId, String territory, String aciId, String referentId,
                                    AgeBand ageBand, ParticipantStatus status) implements IntegrationEvent {
    @Override
    public String key() {
        return participantId;
    }
}
