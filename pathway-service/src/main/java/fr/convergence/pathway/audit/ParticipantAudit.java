package fr.convergence.pathway.audit;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.Correlation;
import fr.convergence.pathway.api.PathwayQueries;
import fr.convergence.pathway.api.PathwayView;
import fr.convergence.pathway.store.ParticipantPathways;

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
    private final PathwayHistorySource pathwaySource;
    private final AuditReads reads;

    public ParticipantAudit(List<HistorySource> sources, ParticipantPathways participantPathways,
                            PathwayQueries pathways, AuditReads reads) {
        this.sources = sources;
        this.participantPathways = participantPathways;
        this.pathways = pathways;
        this.pathwaySource = sources.stream().filter(PathwayHistorySource.class::isInstance)
                .map(PathwayHistorySource.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the audit needs this service's own history source"));
        this.reads = reads;
    }

    /**
     * Every source's events about the participant, in the order things happened.
     *
     * @param auditor who reads: the territories it sees (every one for a national auditor), and its subject, recorded
     *                with the read
     */
    public List<HistoryEntry> history(String participantId, Caller auditor, String what) {
        return file(participantId, auditor, what).entries();
    }

    /** A participant's audit file: the history in order and each pathway's chain check. */
    public record AuditFile(List<HistoryEntry> entries, Map<String, Map<String, Object>> chains) {
    }

    /**
     * The history and the chain checks in one pass: each pathway read once (its events and its chain from the same
     * stored entries, an event decoded only when shown), the other services asked together, while that read runs.
     */
    public AuditFile file(String participantId, Caller auditor, String what) {
        PathwayHistorySource.PathwayFile own = own(participantId, auditor);
        reads.record(participantId, auditor.userId(), what, Correlation.current());
        List<java.util.concurrent.CompletableFuture<List<HistoryEntry>>> others = sources.stream()
                .filter(s -> !(s instanceof PathwayHistorySource)).map(s -> s.historyOfAsync(participantId, auditor))
                .toList();
        List<HistoryEntry> all = new ArrayList<>(own.entries());
        for (var other : others) {
            try {
                all.addAll(other.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        all.sort(CHRONOLOGICAL);
        return new AuditFile(all, own.chains());
    }

    /** This service's part, if the auditor sees at least one of the participant's pathways (else 404, as unknown). */
    private PathwayHistorySource.PathwayFile own(String participantId, Caller auditor) {
        PathwayHistorySource.PathwayFile own = pathwaySource.fileOf(participantId, auditor);
        if (!auditor.national() && own.chains().isEmpty()) {
            throw ApiException.notFound("participant", participantId);
        }
        return own;
    }

    /** The state of each of the participant's pathways (of the auditor's territories) as of the end of {@code date}. */
    public List<PathwayView> stateAsOf(String participantId, LocalDate date, Caller auditor) {
        List<String> pathwayIds = requireVisible(participantId, auditor);
        reads.record(participantId, auditor.userId(), "state as of " + date, Correlation.current());
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

    /** The chain head of each pathway (of the auditor's territories) and the first broken link, if any. */
    public Map<String, Map<String, Object>> verify(String participantId, Caller auditor) {
        return own(participantId, auditor).chains(); // one read per pathway; no event decoded
    }

    /**
     * The participant's pathways that exist (a hire that failed after registering its id has none) and lie in one of
     * the auditor's territories; every territory for a national auditor (one whose token says so: an auditor whose
     * token lost its territory sees none). An auditor of territories opens the file of a participant with a pathway
     * in one of them only: anyone else answers 404, exactly like an unknown participant.
     */
    private List<String> requireVisible(String participantId, Caller auditor) {
        List<String> visible = pathwaysIn(participantId, auditor);
        if (!auditor.national() && visible.isEmpty()) {
            throw ApiException.notFound("participant", participantId);
        }
        return visible;
    }

    private List<String> pathwaysIn(String participantId, Caller auditor) {
        return participantPathways.of(participantId).stream()
                .filter(id -> pathways.locate(id).filter(p -> auditor.seesTerritory(p.territory())).isPresent())
                .toList();
    }

    /** Who read the participant's file, when and what (the auditor's territories only, like the file itself). */
    public List<Map<String, Object>> readsOf(String participantId, Caller auditor) {
        requireVisible(participantId, auditor);
        return reads.of(participantId);
    }

    /** The participants whose file was read, with read counts; a territory's auditor sees its participants only. */
    public List<Map<String, Object>> readsOverview(Caller auditor) {
        return reads.overview(500, participantId -> auditor.national() || !pathwaysIn(participantId, auditor).isEmpty());
    }
}
