package fr.convergence.pathway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.kit.security.Caller;
import fr.convergence.pathway.store.AuditedStreams;
import fr.convergence.pathway.store.ChainVerifier;
import fr.convergence.pathway.store.ParticipantPathways;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This service's own part: every event of every pathway of the participant, with its hash-chain link, and each
 * pathway's chain check — both from one read of each pathway. An event's data is decoded only when it is shown (a
 * page of history decodes that page).
 */
class PathwayHistorySource implements HistorySource {

    private final AuditedStreams streams;
    private final ParticipantPathways participantPathways;
    private final ObjectMapper json;

    PathwayHistorySource(AuditedStreams streams, ParticipantPathways participantPathways, ObjectMapper json) {
        this.streams = streams;
        this.participantPathways = participantPathways;
        this.json = json;
    }

    /** The participant's pathways the auditor sees: their events and, by pathway id, their chain checks. */
    record PathwayFile(List<HistoryEntry> entries, Map<String, Map<String, Object>> chains) {
    }

    @Override
    public String service() {
        return "pathway-service";
    }

    @Override
    public List<HistoryEntry> historyOf(String participantId, Caller auditor) {
        return fileOf(participantId, auditor).entries();
    }

    /**
     * One read of each pathway of the participant in a territory the auditor sees (a hire that failed after
     * registering the pathway id has no stream and is skipped).
     */
    PathwayFile fileOf(String participantId, Caller auditor) {
        List<HistoryEntry> entries = new ArrayList<>();
        Map<String, Map<String, Object>> chains = new LinkedHashMap<>();
        for (String pathwayId : participantPathways.of(participantId)) {
            streams.read(pathwayId, auditor::seesTerritory).ifPresent(stream -> {
                chains.put(pathwayId, check(stream.chain()));
                for (AuditedStreams.RecordedEvent e : stream.events()) {
                    entries.add(new HistoryEntry(service(), pathwayId, e.sequence(), e.eventId(), e.type(),
                            e.occurredOn(), e.recordedAt(), e.recordedBy(), e.correlationId(), new DecodedData(e), e.hash()));
                }
            });
        }
        return new PathwayFile(entries, chains);
    }

    private static Map<String, Object> check(ChainVerifier.ChainStatus status) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("headHash", status.headHash());
        status.firstBreak().ifPresentOrElse(b -> {
            check.put("intact", false);
            check.put("firstBrokenSequence", b.sequence());
            check.put("reason", b.reason());
        }, () -> check.put("intact", true));
        return check;
    }

    /** An event's payload as a map (without the fields the entry already tells), decoded on first use. */
    private final class DecodedData extends AbstractMap<String, Object> {

        private final AuditedStreams.RecordedEvent event;
        private Map<String, Object> decoded;

        DecodedData(AuditedStreams.RecordedEvent event) {
            this.event = event;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Set<Entry<String, Object>> entrySet() {
            if (decoded == null) {
                Map<String, Object> data = new LinkedHashMap<>(json.convertValue(event.message().get().getPayload(), Map.class));
                data.remove("occurredOn");
                data.remove("pathwayId");
                decoded = data;
            }
            return decoded.entrySet();
        }
    }
}
