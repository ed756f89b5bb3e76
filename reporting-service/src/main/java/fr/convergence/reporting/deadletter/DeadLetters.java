package fr.convergence.reporting.deadletter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import fr.convergence.reporting.projection.InvalidEventException;
import fr.convergence.reporting.projection.TerritoryMismatchException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code dead_letters} collection, keyed by {@code topic:partition:offset} so that a record parked twice
 * (redelivery, rebuild) is one dead letter. Shared by all generations: a dead letter is about the stream, not
 * about a projection.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String COLLECTION = "dead_letters";

    private final MongoCollection<Document> collection;
    private final MeterRegistry meters;

    public DeadLetters(MongoDatabase database, MeterRegistry meters) {
        this.collection = database.getCollection(COLLECTION);
        this.meters = meters;
        // registered at zero, so that dashboards and alerts see the series before the first dead letter
        for (String reason : new String[] {InvalidEventException.INVALID_EVENT,
                TerritoryMismatchException.TERRITORY_MISMATCH}) {
            counter(reason);
        }
    }

    private Counter counter(String reason) {
        return Counter.builder("reporting.dead_letters").tag("reason", reason)
                .description("records parked in dead letters because they could not be parsed or applied")
                .register(meters);
    }

    /** The dead letter's reason code for a failure: the event's own code, {@code invalid-event} otherwise. */
    public static String reasonOf(RuntimeException failure) {
        return failure instanceof InvalidEventException invalid ? invalid.reason()
                : InvalidEventException.INVALID_EVENT;
    }

    public void park(String topic, int partition, long offset, String key, String value, RuntimeException failure) {
        park(topic, partition, offset, key, value, reasonOf(failure), failure.getMessage());
    }

    public void park(String topic, int partition, long offset, String key, String value, String reason,
                     String detail) {
        String id = topic + ":" + partition + ":" + offset;
        Document existing = collection.find(new Document("_id", id)).first();
        int attempts = existing == null ? 1 : existing.getInteger("attempts", 1) + 1;
        collection.replaceOne(new Document("_id", id), new Document("_id", id).append("topic", topic)
                        .append("partition", partition).append("offset", offset).append("key", key)
                        .append("value", value).append("reason", reason).append("detail", detail)
                        .append("parkedAt", Instant.now().toString()).append("attempts", attempts),
                new ReplaceOptions().upsert(true));
        // tagged by reason code (a handful of values), so that a territory mismatch can be alerted on alone
        counter(reason).increment();
        log.warn("dead letter {} ({}): {}", id, reason, detail);
    }

    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (Document d : collection.find()) {
            all.add(of(d));
        }
        return all;
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(collection.find(new Document("_id", id)).first()).map(DeadLetters::of);
    }

    public void remove(String id) {
        collection.deleteOne(new Document("_id", id));
    }

    private static DeadLetter of(Document d) {
        return new DeadLetter(d.getString("_id"), d.getString("topic"), d.getInteger("partition", 0),
                ((Number) d.get("offset")).longValue(), d.getString("key"), d.getString("value"),
                d.getString("reason"), d.getString("detail"), d.getString("parkedAt"), d.getInteger("attempts", 1));
    }
}
