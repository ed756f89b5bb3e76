package fr.convergence.participant.accesslog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Every read of personal data, who read it, when and why. A read is ONE insert in {@code access_reads} naming every
 * person it showed ({@code participants}, e.g. the 25 hits of a caseload page), whatever their number and however
 * often they were read before: no document is ever rewritten, so the cost of recording a read does not grow with
 * the log (per-person documents, then monthly buckets, grew with every read and the MongoDB stand-in rewrites a
 * whole document on each {@code $push}: a caseload viewed all day got slower all day). A person's log is the reads
 * naming them, newest first: on a real MongoDB from the multikey index {@code {participants: 1, at: -1}}, on the
 * stand-in by a scan (an auditor's occasional read). Entries hold no personal data (pseudonymous ids, staff id and
 * role, purpose code), so the log survives the participant's erasure as the proof of who saw what.
 * Logs written by earlier versions in {@code access_log} (a head document per person, then monthly buckets) are
 * still read, as the oldest part.
 */
public class AccessLog {

    static final String ENTRIES = "entries";
    static final String MONTHS = "months";
    static final String PARTICIPANTS = "participants";

    private final MongoCollection<Document> legacy;
    private final MongoCollection<Document> reads;

    public AccessLog(MongoCollection<Document> legacy, MongoCollection<Document> reads) {
        this.legacy = legacy;
        this.reads = reads;
        reads.createIndex(new Document(PARTICIPANTS, 1).append("at", -1), new IndexOptions().name("participants_at"));
    }

    public void record(String participantId, AccessEntry entry) {
        recordAll(List.of(participantId), entry);
    }

    /**
     * The same read of several people (the hits of a search, a caseload) recorded in ONE insert. If it fails the
     * read fails (the caller records before it shows).
     */
    public void recordAll(Collection<String> participantIds, AccessEntry entry) {
        if (participantIds.isEmpty()) {
            return;
        }
        reads.insertOne(document(entry).append(PARTICIPANTS, List.copyOf(new java.util.LinkedHashSet<>(participantIds))));
    }

    /** Newest first. */
    public Page page(String participantId, int page, int size) {
        List<Document> older = legacyEntries(participantId);   // oldest first
        Document mine = new Document(PARTICIPANTS, participantId);
        long recent = reads.countDocuments(mine);
        long total = recent + older.size();
        long from = Math.min(total, (long) page * size);   // long: a huge page number must not wrap round
        long to = Math.min(total, from + size);
        List<AccessEntry> items = new ArrayList<>((int) (to - from));
        if (from < recent) {
            reads.find(mine).sort(new Document("at", -1).append("_id", -1)).skip((int) from)
                    .limit((int) (Math.min(to, recent) - from)).forEach(d -> items.add(entry(d)));
        }
        for (long i = Math.max(from, recent); i < to; i++) {
            items.add(entry(older.get((int) (older.size() - 1 - (i - recent)))));
        }
        return new Page(participantId, page, size, total, items);
    }

    /** What earlier versions kept, oldest first: the head's own entries, then its monthly buckets. */
    private List<Document> legacyEntries(String participantId) {
        Document head = legacy.find(new Document("_id", participantId)).first();
        if (head == null) {
            return List.of();
        }
        List<Document> all = new ArrayList<>(head.getList(ENTRIES, Document.class, List.of()));
        List<String> months = new ArrayList<>(head.getList(MONTHS, String.class, List.of()));
        months.sort(Comparator.naturalOrder());
        for (String month : months) {
            Document bucket = legacy.find(new Document("_id", participantId + "|" + month)).first();
            if (bucket != null) {
                all.addAll(bucket.getList(ENTRIES, Document.class, List.of()));
            }
        }
        return all;
    }

    private static AccessEntry entry(Document e) {
        return new AccessEntry(Instant.parse(e.getString("at")), e.getString("who"), e.getString("role"),
                e.getString("purpose"), e.getString("action"), e.getString("correlationId"));
    }

    private static Document document(AccessEntry entry) {
        return new Document("at", entry.at().toString()).append("who", entry.who())
                .append("role", entry.role()).append("purpose", entry.purpose()).append("action", entry.action())
                .append("correlationId", entry.correlationId());
    }

    public record Page(String participantId, int page, int size, long total, List<AccessEntry> items) {
    }
}
