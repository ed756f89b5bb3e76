package fr.convergence.pathway.store;

import org.bson.Document;

import java.util.List;
import java.util.Optional;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * Recomputes a stream's SHA-256 chain from its stored bytes and checks the head's keyed seal ({@link ChainSeal}):
 * the first altered, removed or reordered event, a truncated history, or a stream moved to another territory, ACI or
 * person is reported with the sequence where the chain breaks. The chain runs through the sealed chunks into the hot
 * document unchanged: a chunk altered, removed or replaced breaks it like an event of the hot document would.
 */
public class ChainVerifier {

    private final StreamDocumentStore documents;
    private final StreamChunks chunks;
    private final ChainSeal seal;

    public ChainVerifier(StreamDocumentStore documents, StreamChunks chunks, ChainSeal seal) {
        this.documents = documents;
        this.chunks = chunks;
        this.seal = seal;
    }

    /**
     * Empty if the stream does not exist; otherwise its head hash and its first broken link, if any: the hot document
     * and each sealed chunk read once, by exact key.
     */
    public Optional<ChainStatus> chainStatus(String streamId) {
        Document doc = documents.find(streamId);
        return doc == null ? Optional.empty() : Optional.of(statusOf(doc, chunks.history(doc)));
    }

    /** The first broken link of a stream, if any (empty too when the stream does not exist). */
    public Optional<ChainBreak> verifyChain(String streamId) {
        return chainStatus(streamId).flatMap(ChainStatus::firstBreak);
    }

    /** The status of a stream document whose events, in order from the first, are {@code entries}. */
    public ChainStatus statusOf(Document stream, List<Document> entries) {
        return new ChainStatus(stream.getString(HEAD_HASH), firstBreak(stream, entries));
    }

    private Optional<ChainBreak> firstBreak(Document stream, List<Document> entries) {
        String previous = HashChain.GENESIS;
        long expected = 0;
        for (Document entry : entries) {
            long seq = EventEntries.sequence(entry);
            if (seq != expected || !previous.equals(entry.getString(PREVIOUS_HASH))) {
                return Optional.of(new ChainBreak(seq, "previous-hash link broken (event removed or reordered)"));
            }
            String recomputed = HashChain.hash(entry, previous);
            if (!recomputed.equals(entry.getString(HASH))) {
                return Optional.of(new ChainBreak(seq, "content does not match its hash (event altered)"));
            }
            previous = recomputed;
            expected++;
        }
        long version = stream.get(VERSION, Number.class).longValue();
        if (expected != version || !previous.equals(stream.getString(HEAD_HASH))) {
            return Optional.of(new ChainBreak(version, "head hash mismatch (events truncated)"));
        }
        if (!seal.matches(stream.getString(HEAD_SEAL), stream.getString(ID), version, previous,
                stream.getString(TERRITORY), stream.getString(ACI), stream.getString(PARTICIPANT))) {
            return Optional.of(new ChainBreak(version, "head seal does not match (history rewritten without the "
                    + "platform's key, or the stream moved to another territory, ACI or person)"));
        }
        return Optional.empty();
    }

    /** A broken link of the hash chain. */
    public record ChainBreak(long sequence, String reason) {
    }

    /** A stream's chain head and its first broken link, if any. */
    public record ChainStatus(String headHash, Optional<ChainBreak> firstBreak) {
    }
}
