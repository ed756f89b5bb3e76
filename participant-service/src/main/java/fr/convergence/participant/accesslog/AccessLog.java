package fr.convergence.participant.accesslog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Every read of personal data, kept per participant and month: a head document ({@code _id} = pseudonymous id)
 * with the months that have entries and the total count, and one bucket per month ({@code _id} =
 * {@code <id>|yyyy-MM}) holding that month's entries appended with {@code $push}. A read is recorded by one bulk
 * write of two small upserts; every access is by exact {@code _id}, never a scan. Buckets keep each document small:
 * one document per person grew with every read for ever, and the MongoDB stand-in rewrites a whole document on each
 * {@code $push} (a caseload read daily made that cost grow without end). Entries hold no personal data (pseudonymous
 * id, staff id and role, purpose code), so the log survives the participant's erasure as the proof of who saw what.
 * Documents written before the buckets (entries in the head) are still read, as the oldest part.
 */
public class AccessLog {

    static final String ENTRIES = "entries";
    static final String MONTHS = "months";

    private final MongoCollection<Document> log;

    public AccessLog(MongoCollection<Document> log) {
        this.log = log;
    }

    public void record(String participantId, AccessEntry entry) {
        recordAll(List.of(participantId), entry);
    }

    /**
     * The same read of several people (the hits of a search, a caseload) recorded in ONE write command: one round
     * trip, and one commit and sync on the durable stand-in, instead of one per person. If the command fails the
     * read fails (the caller records before it shows).
     */
    public void recordAll(Collection<String> participantIds, AccessEntry entry) {
        if (participantIds.isEmpty()) {
            return;
        }
        String month = YearMonth.from(entry.at().atOffset(ZoneOffset.UTC)).toString();
        Document push = new Document("$push", new Document(ENTRIES, document(entry)))
                .append("$inc", new Document("count", 1));
        Document head = new Document("$addToSet", new Document(MONTHS, month)).append("$inc", new Document("count", 1));
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(participantIds.size() * 2);
        for (String id : participantIds) {
            writes.add(new UpdateOneModel<>(new Document("_id", id), head, upsert));
            writes.add(new UpdateOneModel<>(new Document("_id", bucket(id, month)), push, upsert));
        }
        log.bulkWrite(writes, new BulkWriteOptions().ordered(true));   // the month listed before its bucket: never an entry out of sight
    }

    /** Newest first. */
    public Page page(String participantId, int page, int size) {
        List<Document> all = entries(participantId);   // oldest first
        int total = all.size();
        int from = (int) Math.min(total, (long) page * size);   // long: a huge page number must not wrap round
        int to = (int) Math.min(total, (long) from + size);
        List<AccessEntry> items = new ArrayList<>(to - from);
        for (int i = total - 1 - from; i > total - 1 - to; i--) {
            Document e = all.get(i);
            items.add(new AccessEntry(Instant.parse(e.getString("at")), e.getString("who"), e.getString("role"),
                    e.getString("purpose"), e.getString("action"), e.getString("correlationId")));
        }
        return new Page(participantId, page, size, total, items);
    }

    /** Every entry of a participant, oldest first: the head's own (written before buckets), then month by month. */
    private List<Document> entries(String participantId) {
        Document head = log.find(new Document("_id", participantId)).first();
        if (head == null) {
            return List.of();
        }
        List<Document> all = new ArrayList<>(head.getList(ENTRIES, Document.class, List.of()));
        List<String> months = new ArrayList<>(head.getList(MONTHS, String.class, List.of()));
        months.sort(Comparator.naturalOrder());
        for (String month : months) {
            Document bucket = log.find(new Document("_id", bucket(participantId, month))).first();
            if (bucket != null) {
                all.addAll(bucket.getList(ENTRIES, Document.class, List.of()));
            }
        }
        return all;
    }

    static String bucket(String participantId, String month) {
        return participantId + "|" + month;
    }

    private static Document document(AccessEntry entry) {
        return new Document("at", entry.at().toString()).append("who", entry.who())
                .append("role", entry.role()).append("purpose", entry.purpose()).append("action", entry.action())
                .append("correlationId", entry.correlationId());
    }

    public record Page(String participantId, int page, int size, long total, List<AccessEntry> items) {
    }
}
