package fr.convergence.participant.domain.event;

import java.util.List;

/**
 * The person's contact details were corrected (GDPR Art. 16). Names which fields changed, never their values:
 * the values stay sealed in this service.
 */
public record ParticipantContactRectified(String participantId, String territory, String aciId, List<String> fields)
        implements IntegrationEvent {

    public ParticipantContactRectified {
        fields = List.copyOf(fields);
    }

    @Override
    public String key() {
        return participantId;
    }
}
