package fr.convergence.kit.deadletter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dead_letters}: one document per parked record, {@code _id = topic:partition:offset}. Every consumer of a
 * service parks here ({@code consumer} tells them apart). A small, cold collection read by an administrator: its
 * listing scans on the stand-in; a real MongoDB serves it from the {status, parkedAt} index.
 * Counted in {@code convergence.dead_letters{consumer,reason}} so that an alert can fire on the first one.
 */
public class DeadLetterStore {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);
    public static final String COLLECTION = "dead_letters";
    private static final String ID = "_id";

    private final MongoCollection<Document> letters;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeadLetterStore(MongoDatabase db, MeterRegistry meters, Clock clock) {
        this.letters = db.getCollection(COLLECTION);
        this.meters = meters;
        this.clock = clock;
        letters.createIndex(new Document("status", 1).append("parkedAt", -1), new IndexOptions().name("status_parkedAt"));
    }

    /** Registers the counters of reasons a consumer expects at zero, so dashboards see the series before any letter. */
    public void expect(String consumer, String... reasons) {
        for (String reason : reasons) {
            counter(consumer, reason);
        }
    }

    /**
     * Parks a record (again: the same record is one letter, its attempts counted, PARKED whatever it was) and
     * returns the letter's id. One upsert: the consumer goes on at once, nothing read back.
     */
    public String park(String consumer, String topic, int partition, long offset, String key, String value,
                           String reason, String detail) {
        String id = DeadLetter.idOf(topic, partition, offset);
        letters.updateOne(new Document(ID, id), new Document("$set", new Document("consumer", consumer)
                        .append("topic", topic).append("partition", partition).append("offset", offset)
                        .append("key", key).append("value", value).append("reason", reason).append("detail", detail)
                        .append("status", DeadLetter.PARKED).append("parkedAt", clock.instant().toString()))
                        .append("$inc", new Document("attempts", 1)),
                new UpdateOptions().upsert(true));
        counter(consumer, reason).increment();
        log.warn("dead letter {} parked by {} ({}): {}", id, consumer, reason, detail);
        return id;
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(letters.find(new Document(ID, id)).first()).map(DeadLetterStore::of);
    }

    /** Newest first; {@code status} null for every letter. */
    public List<DeadLetter> list(String status) {
        List<DeadLetter> all = new ArrayList<>();
        Document filter = status == null ? new Document() : new Document("status", status);
        letters.find(filter).sort(new Document("parkedAt", -1)).forEach(d -> all.add(of(d)));
        return all;
    }

    void reprocessed(String id, String by) {
        act(id, by, new Document("status", DeadLetter.REPROCESSED));
    }

    void failedAgain(String id, DeadLetterReplay.Failure failure, String by) {
        letters.updateOne(new Document(ID, id), new Document("$set", new Document("reason", failure.reason())
                .append("detail", failure.detail()).append("lastActionAt", clock.instant().toString())
                .append("lastActionBy", by)).append("$inc", new Document("attempts", 1)));
    }

    void discarded(String id, String by, String note) {
        act(id, by, new Document("status", DeadLetter.DISCARDED).append("note", note));
    }

    private void act(String id, String by, Document changes) {
        letters.updateOne(new Document(ID, id), new Document("$set", changes
                .append("lastActionAt", clock.instant().toString()).append("lastActionBy", by)));
    }

    private Counter counter(String consumer, String reason) {
        return Counter.builder("convergence.dead_letters").tag("consumer", consumer).tag("reason", reason)
                .description("records parked in dead letters because they could not be parsed or applied")
                .register(meters);
    }

    private static DeadLetter of(Document d) {
        return new DeadLetter(d.getString(ID), d.getString("consumer"), d.getString("topic"),
                d.getInteger("partition", 0), ((Number) d.get("offset")).longValue(), d.getString("key"),
                d.getString("value"), d.getString("reason"), d.getString("detail"),
                d.getString("status") == null ? DeadLetter.PARKED : d.getString("status"), d.getString("parkedAt"),
                d.getInteger("attempts", 1), d.getString("lastActionAt"), d.getString("lastActionBy"),
                d.getString("note"));
    }
}
