package fr.convergence.pathway.store;

import java.util.List;

/**
 * The events one append stored, handed to the outbox and to the command's answer as they are (nothing re-read).
 *
 * @param publishedBefore how far the outbox had published the stream when it was loaded for this append
 * @param territory       the stream's index fields after the append (a transfer changes the ACI)
 */
public record Appended(String streamId, long firstSequence, long version, long publishedBefore, String territory,
                       String aciId, String participantId, List<StoredEvent> events) {

    /** The batch as a stream holding only these events, for the publication contract. */
    public StoredStream asStream() {
        return new StoredStream(streamId, version, publishedBefore, territory, aciId, participantId, events);
    }
}
