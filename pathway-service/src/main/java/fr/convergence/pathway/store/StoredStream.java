package fr.convergence.pathway.store;

import java.util.List;

/**
 * A whole stream read with one lookup by its id: its index fields (territory, ACI, participant, status…),
 * its version, how far the outbox has published it, and its events in order.
 */
public record StoredStream(String id, long version, long publishedVersion, String territory, String aciId,
                           String participantId, List<StoredEvent> events) {
}
