package fr.convergence.participant.publishing;

import org.bson.Document;

import java.util.List;

/**
 * The fields every outboxed document carries, and how a change and its events are written together.
 *
 * <p>{@code version} counts the document's changes (one event each); {@code publishedVersion} is how far Kafka
 * has acknowledged; {@code pending} flags documents to recover at start-up; {@code outbox} holds the rendered
 * events not yet acknowledged. A change is ONE {@code updateOne} filtered on {@code {_id, version}} (a plain
 * document matching the unique {@code {_id, version}} index, the only shape the MongoDB stand-in serves without
 * scanning), so state and its events are stored atomically without transactions, and a concurrent writer that
 * read an older version matches nothing.
 */
public final class Outboxed {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    public static final String PUBLISHED_VERSION = "publishedVersion";
    public static final String PENDING = "pending";
    public static final String OUTBOX = "outbox";
    /**
     * Every event the document ever produced, kept after publication for the audit history. Events carry no
     * personal data, so keeping them costs nothing at erasure.
     */
    public static final String HISTORY = "history";

    private Outboxed() {
    }

    /** Adds the outbox fields to a new document holding {@code entries} (seq 1..n). */
    public static Document newDocument(Document state, List<OutboxEntry> entries) {
        return state.append(VERSION, (long) entries.size()).append(PUBLISHED_VERSION, 0L).append(PENDING, true)
                .append(OUTBOX, entries.stream().map(OutboxEntry::toDocument).toList())
                .append(HISTORY, entries.stream().map(OutboxEntry::toHistory).toList());
    }

    /** Filter of a conditional change: the document as it was read. */
    public static Document expecting(String id, long version) {
        return new Document(ID, id).append(VERSION, version);
    }

    /**
     * Update that applies {@code set}/{@code unset} and appends the events, numbered after {@code fromVersion}.
     */
    public static Document change(long fromVersion, Document set, Document unset, List<OutboxEntry> entries) {
        Document update = new Document("$set", new Document(set)
                .append(VERSION, fromVersion + entries.size()).append(PENDING, true))
                .append("$push", new Document(OUTBOX, new Document("$each",
                        entries.stream().map(OutboxEntry::toDocument).toList()))
                        .append(HISTORY, new Document("$each", entries.stream().map(OutboxEntry::toHistory).toList())));
        if (unset != null && !unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return update;
    }

    /** The published JSON of every event of a document, oldest first. */
    public static java.util.List<String> history(Document d) {
        return d.getList(HISTORY, Document.class, List.of()).stream().map(h -> h.getString("json")).toList();
    }

    public static long version(Document d) {
        return d.get(VERSION, Number.class).longValue();
    }
}
