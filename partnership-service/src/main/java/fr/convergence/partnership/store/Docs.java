package fr.convergence.partnership.store;

import fr.convergence.kit.kafka.OutgoingRecord;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small conversions shared by the stores: dates as ISO strings, outbox entries as sub-documents. */
final class Docs {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String PENDING = "pending";
    static final String OUTBOX = "outbox";

    private Docs() {
    }

    static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    static LocalDate date(Document doc, String field) {
        String s = doc.getString(field);
        return s == null ? null : LocalDate.parse(s);
    }

    static Instant instant(Document doc, String field) {
        String s = doc.getString(field);
        return s == null ? null : Instant.parse(s);
    }

    static long version(Document doc) {
        Number n = doc.get(VERSION, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static Document outboxEntry(OutgoingRecord r) {
        return new Document("eventId", r.eventId()).append("topic", r.topic()).append("key", r.key())
                .append("correlationId", r.correlationId()).append("json", r.json());
    }

    static OutgoingRecord record(Document entry) {
        return new OutgoingRecord(entry.getString("topic"), entry.getString("key"), entry.getString("eventId"),
                entry.getString("correlationId"), entry.getString("json"));
    }

    static List<Document> outboxEntries(List<OutgoingRecord> records) {
        return records.stream().map(Docs::outboxEntry).toList();
    }
}
