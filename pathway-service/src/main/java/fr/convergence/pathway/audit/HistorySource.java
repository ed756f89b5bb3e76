package fr.convergence.pathway.audit;

import fr.convergence.kit.security.Caller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A service that can tell everything it recorded about one participant. */
public interface HistorySource {

    String service();

    /**
     * Every event about the participant, or throws {@link SourceUnavailable} if the service cannot answer.
     *
     * @param auditor the auditor reading: the events of the territories it sees alone are told
     */
    List<HistoryEntry> historyOf(String participantId, Caller auditor);

    /**
     * The same, started at once and finished later, so the audit asks every service together. The caller's token and
     * correlation id are taken on the calling thread.
     */
    default CompletableFuture<List<HistoryEntry>> historyOfAsync(String participantId, Caller auditor) {
        try {
            return CompletableFuture.completedFuture(historyOf(participantId, auditor));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    class SourceUnavailable extends RuntimeException {
        public SourceUnavailable(String service, String reason) {
            super(service + " could not provide its part of the history: " + reason);
        }
    }
}
