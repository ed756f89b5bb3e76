package fr.convergence.pathway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.kit.security.Caller;
import fr.convergence.pathway.store.ParticipantPathways;
import fr.convergence.pathway.store.StoredEvent;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** This service's own part: every event of every pathway of the participant, with its hash-chain link. */
class PathwayHistorySource implements HistorySource {

    private final StreamDocumentStorageEngine store;
    private final ParticipantPathways participantPathways;
    private final ObjectMapper json;

    PathwayHistorySource(StreamDocumentStorageEngine store, ParticipantPathways participantPathways, ObjectMapper json) {
        this.store = store;
        this.participantPathways = participantPathways;
        this.json = json;
    }

    @Override
    public String service() {
        return "pathway-service";
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<HistoryEntry> historyOf(String participantId, Caller auditor) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (String pathwayId : participantPathways.of(participantId)) {
            StoredStream stream = store.load(pathwayId).orElse(null);
            if (stream == null) {
                continue; // a hire that failed after registering the pathway id
            }
            if (!auditor.seesTerritory(stream.territory())) {
                continue; // a pathway of another territory: not this auditor's to read
            }
            for (StoredEvent stored : stream.events()) {
                DomainEventMessage<?> m = stored.message();
                Map<String, Object> data = new LinkedHashMap<>(json.convertValue(m.getPayload(), Map.class));
                String occurredOn = String.valueOf(data.remove("occurredOn"));
                data.remove("pathwayId");
                entries.add(new HistoryEntry(service(), pathwayId, m.getSequenceNumber(), m.getIdentifier(),
                        m.getPayloadType().getSimpleName(), occurredOn, m.getTimestamp().toString(),
                        String.valueOf(m.getMetaData().getOrDefault("recordedBy", "system")),
                        String.valueOf(m.getMetaData().getOrDefault("correlationId", "")), data, stored.hash()));
            }
        }
        return entries;
    }
}
