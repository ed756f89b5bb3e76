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

    /**
     * Every source's events about the participant, in the order things happened.
     *
     * @param territory the auditor's territory, or {@code null} for a national auditor
     * @param auditor   who reads (the token's subject), recorded with the read
     */
    public List<HistoryEntry> history(String participantId, String territory, String auditor, String what) {
        requireVisible(participantId, territory);
        reads.record(participantId, auditor, what, Correlation.current());
        List<HistoryEntry> all = new ArrayList<>();
        for (HistorySource source : sources) {
            all.addAll(source.historyOf(participantId, territory));
        }
        all.sort(CHRONOLOGICAL);
        return all;
    }

    /** The state of each of the participant's pathways (of the auditor's territory) as of the end of {@code date}. */
    public List<PathwayView> stateAsOf(String participantId, LocalDate date, String territory, String auditor) {
        List<String> pathwayIds = requireVisible(participantId, territory);
        reads.record(participantId, auditor, "state as of " + date, Correlation.current());
        List<PathwayView> states = new ArrayList<>();
        for (String pathwayId : pathwayIds) {
            try {
                states.add(pathways.asOf(pathwayId, date));
            } catch (ApiException notYetStarted) {
                // a pathway that had not started on that date
            }
        }
        return states;
    }

    /** The chain head of each pathway (of the auditor's territory) and the first broken link, if any. */
    public Map<String, Map<String, Object>> verify(String participantId, String territory) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (String pathwayId : requireVisible(participantId, territory)) {
            store.chainStatus(pathwayId).ifPresent(status -> {
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

    /**
     * The participant's pathways that exist (a hire that failed after registering its id has none) and lie in the
     * auditor's territory; every territory for a national auditor. An auditor of one territory opens the file of a
     * participant with a pathway in it only: anyone else answers 404, exactly like an unknown participant.
     */
    private List<String> requireVisible(String participantId, String territory) {
        List<String> visible = pathwaysIn(participantId, territory);
        if (territory != null && visible.isEmpty()) {
            throw ApiException.notFound("participant", participantId);
        }
        return visible;
    }

    private List<String> pathwaysIn(String participantId, String territory) {
        return participantPathways.of(participantId).stream()
                .filter(id -> pathways.locate(id).filter(p -> territory == null || territory.equals(p.territory()))
                        .isPresent())
                .toList();
    }

    /** Who read the participant's file, when and what (the auditor's territory only, like the file itself). */
    public List<Map<String, Object>> readsOf(String participantId, String territory) {
        requireVisible(participantId, territory);
        return reads.of(participantId);
    }

    /** The participants whose file was read, with read counts; a territory's auditor sees its participants only. */
    public List<Map<String, Object>> readsOverview(String territory) {
        return reads.overview(500, participantId -> territory == null || !pathwaysIn(participantId, territory).isEmpty());
    }
}
