package fr.convergence.pathway.audit;

import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.Correlation;
import fr.convergence.pathway.api.PathwayQueries;
import fr.convergence.pathway.api.PathwayView;
import fr.convergence.pathway.store.ParticipantPathways;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one participant's full history across services, reconstructs pathway states as of a date, verifies
 * the hash chains, and records every such read.
 */
public class ParticipantAudit {

    static final Comparator<HistoryEntry> CHRONOLOGICAL = Comparator.comparing(HistoryEntry::occurredOn)
            .thenComparing(HistoryEntry::recordedAt).thenComparing(HistoryEntry::service)
            .thenComparingLong(HistoryEntry::sequence);

    private final List<HistorySource> sources;
    private final ParticipantPathways participantPathways;
    private final PathwayQueries pathways;
    private final StreamDocumentStorageEngine store;
    private final AuditReads reads;

    public ParticipantAudit(List<HistorySource> sources, ParticipantPathways participantPathways,
                            PathwayQueries pathways, StreamDocumentStorageEngine store, AuditReads reads) {
        this.sources = sources;
        this.participantPathways = participantPathways;
        this.pathways = pathways;
        this.store = store;
        this.reads = reads;
    }

    /** Every source's events about the participant, in the order things happened. */
    public List<HistoryEntry> history(String participantId, String auditor, String what) {
        reads.record(participantId, auditor, what, Correlation.current());
        List<HistoryEntry> all = new ArrayList<>();
        for (HistorySource source : sources) {
            all.addAll(source.historyOf(participantId, auditor));
        }
        all.sort(CHRONOLOGICAL);
        return all;
    }

    /** The state of each of the participant's pathways as of the end of {@code date}. */
    public List<PathwayView> stateAsOf(String participantId, LocalDate date, String auditor) {
        reads.record(participantId, auditor, "state as of " + date, Correlation.current());
        List<PathwayView> states = new ArrayList<>();
        for (String pathwayId : participantPathways.of(participantId)) {
            try {
                states.add(pathways.asOf(pathwayId, date));
            } catch (ApiException absentOrNotYetStarted) {
                // a failed hire, or a pathway that had not started on that date
            }
        }
        return states;
    }

    /** The chain head of each pathway and the first broken link, if any. */
    public Map<String, Map<String, Object>> verify(String participantId) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (String pathwayId : participantPathways.of(participantId)) {
            store.chainStatus(pathwayId).ifPresent(status -> { // absent: a hire that failed after registering its id
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("headHash", status.headHash());
                status.firstBreak().ifPresentOrElse(b -> {
                    check.put("intact", false);
                    check.put("firstBrokenSequence", b.sequence());
                    check.put("reason", b.reason());
                }, () -> check.put("intact", true));
                result.put(pathwayId, check);
            });
        }
        return result;
    }

    public List<Map<String, Object>> readsOf(String participantId) {
        return reads.of(participantId);
    }

    public List<Map<String, Object>> readsOverview() {
        return reads.overview(500);
    }
}
