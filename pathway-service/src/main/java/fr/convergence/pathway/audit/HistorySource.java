package fr.convergence.pathway.audit;

import java.util.List;

/** A service that can tell everything it recorded about one participant. */
public interface HistorySource {

    String service();

    /**
     * Every event about the participant, or throws {@link SourceUnavailable} if the service cannot answer.
     *
     * @param territory the auditor's territory, whose events alone are told; {@code null} for a national auditor
     */
    List<HistoryEntry> historyOf(String participantId, String territory);

    class SourceUnavailable extends RuntimeException {
        public SourceUnavailable(String service, String reason) {
            super(service + " could not provide its part of the history: " + reason);
        }
    }
}
