package fr.convergence.pathway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.pathway.store.ParticipantPathways;
import fr.convergence.pathway.store.AuditedStreams;

import java.util.List;

/** The three services that hold part of a participant's history. */
public final class HistorySources {

    private HistorySources() {
    }

    public static List<HistorySource> of(AuditedStreams streams, ParticipantPathways participantPathways,
                                         ObjectMapper json, String participantApi, String partnershipApi) {
        return List.of(new RemoteHistorySource("participant-service", participantApi),
                new PathwayHistorySource(streams, participantPathways, json),
                new RemoteHistorySource("partnership-service", partnershipApi));
    }
}
