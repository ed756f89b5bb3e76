package fr.convergence.reporting.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.support.PathwayStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector's unit of work per poll batch, against the MongoDB-wire stand-in (no Kafka, no Spring): each
 * case applies records as the consumer does ({@link RecordHandler#handleBatch}) into one generation, and the
 * same records one by one (a flush after each, the old write pattern) into another, then compares what is
 * stored.
 */
class UnitOfWorkTest {

    private static MongoServer server;
    private static MongoClient client;
    private MongoDatabase db;
    private RecordHandler handler;
    private final String territory = "uow";
    private final String topic = "convergence." + territory + ".pathway.v1";
    private long offset;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        db = client.getDatabase("uow_" + UUID.randomUUID().toString().substring(0, 8));
        handler = new RecordHandler(new DeadLetterStore(db, new SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    private PathwayStream richPathway(String aci, String programme, String hired) {
        return PathwayStream.hired(territory, aci, programme, hired, 20)
                .event("BarrierAssessed", "2026-02-03", Map.of("domain", "HOUSING", "intensity", "HIGH",
                        "handling", "PARTNER"))
                .hours("2026-01", 60).hours("2026-02", 70).hours("2026-02", 75)
                .event("WeeklyHoursChanged", "2026-03-01", Map.of("fromHours", 20, "toHours", 26))
                .event("HealthCareAccessed", "2026-03-05", Map.of())
                .exited("2026-04-15", "DURABLE_EMPLOYMENT", "CDI", 3);
    }

    private ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(topic, 0, offset++, "key", value);
    }

    private List<ConsumerRecord<String, String>> records(List<String> values) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        values.forEach(v -> out.add(record(v)));
        return out;
    }

    /** Three pathways' events interleaved, one of them delivered out of order inside the batch (parked, drained). */
    private List<ConsumerRecord<String, String>> mixedBatch() {
        List<String> a = richPathway("aci-1", "CVG", "2026-01-10").records();
        List<String> b = richPathway("aci-1", "PHC", "2026-01-12").records();
        List<String> c = richPathway("aci-2", "CVG", "2026-02-01").records();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            values.add(a.get(i));
            values.add(b.get(i));
        }
        values.add(c.get(0));
        values.add(c.get(2)); // ahead of its predecessor: parked...
        values.add(c.get(3));
        values.add(c.get(1)); // ...and drained in the same batch
        values.addAll(c.subList(4, c.size()));
        return records(values);
    }

    private void oneByOne(List<ConsumerRecord<String, String>> records, Projector projector) {
        for (ConsumerRecord<String, String> r : records) {
            handler.handleBatch(List.of(r), projector);
        }
    }

    /** What a generation holds: each cell's shares (cells left with none are equivalent to absent ones), pathways, parked. */
    private Map<String, Object> stored(Generation g) {
        Map<String, Object> cells = new TreeMap<>();
        for (Document cell : db.getCollection(g.cells()).find()) {
            Object shares = cell.get("p");
            if (shares instanceof Document d && !d.isEmpty()) {
                cells.put(cell.getString("_id"), List.of(d, cell.getString("territory"), cell.getString("aciId"),
                        cell.getString("programme"), cell.getString("month")));
            }
        }
        Map<String, Object> pathways = new TreeMap<>();
        for (Document p : db.getCollection(g.pathways()).find()) {
            pathways.put(p.getString("_id"), p);
        }
        List<String> parked = new ArrayList<>();
        for (Document p : db.getCollection(g.parked()).find()) {
            parked.add(p.getString("_id"));
        }
        return Map.of("cells", cells, "pathways", pathways, "parked", parked);
    }

    private List<String> deadLetterIds() {
        List<String> ids = new ArrayList<>();
        for (Document d : db.getCollection("dead_letters").find()) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    @Test
    void aBatchWithSeveralEventsOfOnePathwayGivesTheSameCellsAsOneByOne() {
        Generation batched = new Generation(1);
        Generation single = new Generation(2);
        List<ConsumerRecord<String, String>> batch = mixedBatch();

        List<ApplyOutcome> outcomes = handler.handleBatch(batch, new Projector(db, batched));
        oneByOne(batch, new Projector(db, single));

        assertThat(outcomes).contains(ApplyOutcome.PARKED).doesNotContain(ApplyOutcome.IGNORED);
        assertThat(stored(batched)).isEqualTo(stored(single));
        @SuppressWarnings("unchecked")
        Map<String, Object> cells = (Map<String, Object>) stored(batched).get("cells");
        assertThat(cells).isNotEmpty();
        assertThat(stored(batched).get("parked")).isEqualTo(List.of()); // drained and deleted
    }

    @Test
    void anExitAndItsCancellationInOneBatchLeaveEveryCellWithItsCoordinates() {
        Generation g = new Generation(1);
        PathwayStream s = PathwayStream.hired(territory, "aci-1", "CVG", "2026-01-10", 20)
                .exited("2026-03-15", "OTHER_EXIT", "unemployed", 2);
        s.cancelExit("2026-03-20", s.last(), "2026-03-15");

        handler.handleBatch(records(s.records()), new Projector(db, g));

        // the March cell got the exit's share and lost it in the same batch: written with its coordinates anyway
        for (Document cell : db.getCollection(g.cells()).find()) {
            assertThat(cell.getString("territory")).as(cell.getString("_id")).isEqualTo(territory);
            assertThat(cell.getString("month")).as(cell.getString("_id")).isNotNull();
        }
        assertThat(db.getCollection(g.cells()).countDocuments()).isEqualTo(2);
    }

    @Test
    void aBatchContainingAPoisonRecordDeadLettersOnlyIt() {
        Generation batched = new Generation(1);
        Generation reference = new Generation(2);
        PathwayStream good = richPathway("aci-1", "CVG", "2026-01-10");
        PathwayStream poisoned = PathwayStream.hired(territory, "aci-1", "PHC", "2026-01-12", 20)
                .hours("2026-01", 60)
                .exited("2026-02-15", "NO_SUCH_CATEGORY", "?", 1) // fails in the fold, after parsing
                .hours("2026-02", 70);
        List<String> values = new ArrayList<>(good.records());
        values.add(2, poisoned.records().get(0));
        values.add(4, poisoned.records().get(1));
        values.add(6, "{not json");
        values.add(7, poisoned.records().get(2));
        values.add(poisoned.records().get(3));
        List<ConsumerRecord<String, String>> batch = records(values);

        List<ApplyOutcome> outcomes = handler.handleBatch(batch, new Projector(db, batched));

        assertThat(deadLetterIds()).containsExactlyInAnyOrder(topic + ":0:" + batch.get(6).offset(),
                topic + ":0:" + batch.get(7).offset());
        assertThat(outcomes.get(6)).isEqualTo(ApplyOutcome.IGNORED);
        assertThat(outcomes.get(7)).isEqualTo(ApplyOutcome.IGNORED);
        assertThat(outcomes.get(values.size() - 1)).isEqualTo(ApplyOutcome.PARKED); // waits for the dead letter
        assertThat(outcomes).filteredOn(o -> o == ApplyOutcome.APPLIED).hasSize(values.size() - 3);
        // everything else is exactly what the good records give on their own
        List<ConsumerRecord<String, String>> goodOnes = new ArrayList<>(batch);
        goodOnes.remove(7);
        goodOnes.remove(6);
        oneByOne(goodOnes, new Projector(db, reference));
        assertThat(stored(batched)).isEqualTo(stored(reference));
        Document facts = db.getCollection(batched.pathways()).find(new Document("_id", poisoned.pathwayId)).first();
        assertThat(facts.get("lastSequence", Number.class).longValue()).isEqualTo(1L);
        assertThat(facts.get("exitDate")).isNull();
    }

    @Test
    void aRecordThatFailsWhileDrainingLeavesTheBufferAsItWas() {
        Generation g = new Generation(1);
        Projector projector = new Projector(db, g);
        PathwayStream p = PathwayStream.hired(territory, "aci-1", "CVG", "2026-01-10", 20)
                .hours("2026-01", 60)
                .exited("2026-02-15", "NO_SUCH_CATEGORY", "?", 1);
        List<String> r = p.records();
        handler.handleBatch(records(List.of(r.get(0), r.get(2))), projector); // the bad exit is parked
        Map<String, Object> before = stored(g);

        // sequence 1 is fine on its own, but draining the parked exit fails: the whole record is refused
        List<ApplyOutcome> outcomes = handler.handleBatch(records(List.of(r.get(1))), projector);

        assertThat(outcomes).containsExactly(ApplyOutcome.IGNORED);
        assertThat(projector.pending()).isFalse();
        assertThat(stored(g)).isEqualTo(before);
        assertThat(deadLetterIds()).hasSize(1);
    }

    @Test
    void aPathwayStoredBeforeParkedUpToExistedStillDrainsItsParkedSuccessors() {
        Generation g = new Generation(1);
        Generation reference = new Generation(2);
        List<String> r = richPathway("aci-1", "CVG", "2026-01-10").records();
        handler.handleBatch(records(List.of(r.get(0), r.get(2), r.get(3))), new Projector(db, g)); // 2 and 3 wait
        String pathwayId = db.getCollection(g.pathways()).find().first().getString("_id");
        // as a document written by the previous version: no parkedUpTo (unknown, so parked events are looked for)
        db.getCollection(g.pathways()).updateOne(new Document("_id", pathwayId),
                new Document("$unset", new Document("parkedUpTo", "")));

        List<ApplyOutcome> outcomes = handler.handleBatch(records(List.of(r.get(1))), new Projector(db, g));

        assertThat(outcomes).containsExactly(ApplyOutcome.APPLIED);
        assertThat(stored(g).get("parked")).isEqualTo(List.of());
        Document facts = db.getCollection(g.pathways()).find(new Document("_id", pathwayId)).first();
        assertThat(facts.get("lastSequence", Number.class).longValue()).isEqualTo(3L);
        oneByOne(records(r.subList(0, 4)), new Projector(db, reference));
        assertThat(stored(g).get("cells")).isEqualTo(stored(reference).get("cells"));
    }

    @Test
    void consecutiveBatchesOnOneProjectorReadWhatThePreviousOneWrote() {
        Generation batched = new Generation(1);
        Generation single = new Generation(2);
        List<ConsumerRecord<String, String>> all = mixedBatch();
        Projector projector = new Projector(db, batched);   // one projector, as the live consumer keeps

        for (int from = 0; from < all.size(); from += 5) {  // every batch reads ahead several stored pathways
            handler.handleBatch(all.subList(from, Math.min(all.size(), from + 5)), projector);
        }
        oneByOne(all, new Projector(db, single));

        assertThat(stored(batched)).isEqualTo(stored(single));
    }

    @Test
    void redeliveryOfAFlushedBatchChangesNothing() {
        Generation g = new Generation(1);
        List<ConsumerRecord<String, String>> batch = mixedBatch();
        handler.handleBatch(batch, new Projector(db, g));
        Map<String, Object> once = stored(g);

        // a fresh projector, as after a restart: nothing in memory, everything read back from the store
        List<ApplyOutcome> again = handler.handleBatch(batch, new Projector(db, g));

        assertThat(again).containsOnly(ApplyOutcome.DUPLICATE);
        assertThat(stored(g)).isEqualTo(once);
    }

    @Test
    void aCrashBetweenTheCellWritesAndThePathwayWritesConvergesOnRedelivery() {
        Generation crashed = new Generation(1);
        Generation reference = new Generation(2);
        Generation resplit = new Generation(3);
        List<ConsumerRecord<String, String>> first = mixedBatch();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(first);
        oneByOne(batch, new Projector(db, reference));

        // cells written, then the process dies: pathway documents, parked changes and the commit never happen
        Projector projector = new Projector(db, crashed);
        for (ConsumerRecord<String, String> r : batch) {
            handler.handle(r, projector);
        }
        projector.flushCellsThenCrash();
        assertThat(db.getCollection(crashed.pathways()).countDocuments()).isZero();

        // redelivery from the last commit, as one batch
        handler.handleBatch(batch, new Projector(db, crashed));
        assertThat(stored(crashed)).isEqualTo(stored(reference));

        // and redelivered in other batch boundaries than the crashed one
        Projector other = new Projector(db, resplit);
        for (ConsumerRecord<String, String> r : batch) {
            handler.handle(r, other);
        }
        other.flushCellsThenCrash();
        int half = batch.size() / 2;
        handler.handleBatch(batch.subList(0, half), new Projector(db, resplit));
        handler.handleBatch(batch.subList(half, batch.size()), new Projector(db, resplit));
        assertThat(stored(resplit)).isEqualTo(stored(reference));
    }
}
