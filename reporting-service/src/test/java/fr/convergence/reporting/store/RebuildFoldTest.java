package fr.convergence.reporting.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.reporting.indicators.Filter;
import fr.convergence.reporting.indicators.IndicatorCalculator;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.projection.GenerationFold;
import fr.convergence.reporting.support.ParticipantStream;
import fr.convergence.reporting.support.PathwayStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's path (records folded in memory by several workers, {@link GenerationFold}, then written once by
 * {@link GenerationWriter}) against the live path (poll batches through {@link Projector}), on the same records:
 * long pathways (dozens of events each: monthly hours, acts, barriers, moves, programme transitions, exits,
 * cancellations and date corrections), redelivered duplicates, events out of order, a gap never filled, a poison
 * event and an event of another territory. Both must store the same documents and give the same figures.
 */
class RebuildFoldTest {

    private static MongoServer server;
    private static MongoClient client;
    private MongoDatabase db;
    private RecordHandler handler;
    private final Random random = new Random(20);

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
        db = client.getDatabase("fold_" + UUID.randomUUID().toString().substring(0, 8));
        handler = new RecordHandler(new DeadLetterStore(db, new SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    /** A long pathway: two years of monthly hours and acts, with whatever else the seed picks. */
    private PathwayStream longPathway(String territory, int i) {
        String programme = i % 3 == 0 ? "PHC" : "CVG";
        YearMonth hired = YearMonth.of(2026, 1 + i % 12);
        PathwayStream s = PathwayStream.hired(territory, "aci-" + (i % 4), programme, hired.atDay(1 + i % 27).toString(),
                programme.equals("PHC") ? 4 + i % 8 : 20 + i % 10);
        s.profile(hired.atDay(2).toString(), i % 2 == 0 ? "STREET" : "SOCIAL_HOTEL", null);
        s.event("BarrierAssessed", hired.atDay(5).toString(), Map.of("domain", i % 2 == 0 ? "HOUSING" : "HEALTH",
                "intensity", "HIGH", "handling", i % 3 == 0 ? "PARTNER" : "INTERNAL"));
        int months = 6 + random.nextInt(18);
        long someAct = -1;
        for (int m = 0; m < months; m++) {
            YearMonth month = hired.plusMonths(m);
            s.hours(month.toString(), 40 + random.nextInt(80));
            s.accompaniment(month.atDay(10).toString(), random.nextBoolean() ? "INTERVIEW" : "VISIT_MEDICAL");
            someAct = m == 2 ? s.last() : someAct;
            if (m == 3 && i % 5 == 0) {
                s.event("PathwayTransferred", month.atDay(12).toString(), Map.of("toAciId", "aci-" + ((i + 1) % 4)));
            }
            if (m == 4 && programme.equals("PHC")) {
                s.event("ProgrammeTransitioned", month.atDay(1).toString(), Map.of("from", "PHC", "to", "CVG",
                        "plannedEnd", "2029-05-01", "weeklyHours", 20));
            }
            if (m == 5) {
                s.event("HealthCareAccessed", month.atDay(3).toString(), Map.of());
                s.event("BarrierLifted", month.atDay(4).toString(), Map.of("domain", i % 2 == 0 ? "HOUSING" : "HEALTH"));
            }
        }
        YearMonth end = hired.plusMonths(months);
        if (i % 4 == 1) {
            s.exited(end.atDay(10).toString(), "OTHER_EXIT", "unemployed", months, "EMERGENCY_SHELTER");
            s.cancelExit(end.atDay(12).toString(), s.last(), end.atDay(10).toString());
        }
        if (i % 4 != 3) {
            s.exited(end.atDay(20).toString(), i % 2 == 0 ? "DURABLE_EMPLOYMENT" : "POSITIVE_EXIT", "CDI", months,
                    "DURABLE_HOUSING");
            long exit = s.last();
            s.followUp(end.plusMonths(6).atDay(1).toString(), 6, "CDI", "DURABLE_HOUSING");
            if (i % 6 == 0) {
                s.correctDate(end.plusMonths(6).atDay(5).toString(), exit, "ParticipantExited",
                        end.atDay(20).toString(), end.plusMonths(1).atDay(2).toString());
            }
        }
        if (someAct >= 0 && i % 7 == 0) {
            s.correctDate(end.plusMonths(7).atDay(1).toString(), someAct, "AccompanimentRecorded",
                    hired.plusMonths(2).atDay(10).toString(), hired.plusMonths(3).atDay(11).toString());
        }
        return s;
    }

    /**
     * Records spread over partitions (a pathway in one, in order, as Kafka keyed by participant keeps them), each
     * partition interleaving its pathways at random, with the disorders a real stream can hold.
     */
    private List<List<ConsumerRecord<String, String>>> partitions() {
        String north = "fold-north";
        String south = "fold-south";
        List<List<String[]>> streams = new ArrayList<>();   // per pathway: {topic, value}
        List<PathwayStream> pathways = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            PathwayStream s = longPathway(i % 3 == 0 ? south : north, i);
            pathways.add(s);
            List<String[]> records = new ArrayList<>();
            s.records().forEach(r -> records.add(new String[]{s.topic(), r}));
            streams.add(records);
        }
        // disorders: a redelivered run of records, two events swapped (parked then drained), a gap never filled,
        // a poison event (its successors wait), an event of north's pathway on south's stream
        List<String[]> redelivered = streams.get(1);
        redelivered.addAll(8, new ArrayList<>(redelivered.subList(3, 8)));
        Collections.swap(streams.get(2), 5, 6);
        streams.get(4).remove(9);
        List<String[]> poisoned = streams.get(5);
        poisoned.set(7, new String[]{poisoned.get(7)[0], poisoned.get(7)[1].replaceFirst("\"occurredOn\":\"[0-9-]+\"",
                "\"occurredOn\":\"2026-13-45\"")});
        String foreign = streams.get(7).get(3)[1].replace("\"territory\":\"" + north + "\"",
                "\"territory\":\"" + south + "\"");
        streams.get(7).add(new String[]{"convergence." + south + ".pathway.v1", foreign});

        ParticipantStream people = new ParticipantStream(north).territoryCreated("Nord")
                .aci(false, "aci-0", "Atelier zéro", null, null).aci(false, "aci-1", "Atelier un", "2026-01-01", null);
        for (int i = 0; i < pathways.size(); i += 2) {
            if (pathways.get(i).territory.equals(north)) {
                people.registered(pathways.get(i).participantId, pathways.get(i).aciId, i % 4 == 0 ? "<26" : "35-44");
            }
        }
        people.erased(pathways.get(2).participantId, pathways.get(2).aciId);

        List<List<ConsumerRecord<String, String>>> partitions = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            List<List<String[]>> mine = new ArrayList<>();
            for (int i = p; i < streams.size(); i += 3) {
                mine.add(new ArrayList<>(streams.get(i)));
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long offset = 0;
            while (!mine.isEmpty()) {
                int k = random.nextInt(mine.size());
                String[] r = mine.get(k).remove(0);
                records.add(new ConsumerRecord<>(r[0], p, offset++, "key", r[1]));
                if (mine.get(k).isEmpty()) {
                    mine.remove(k);
                }
            }
            partitions.add(records);
        }
        List<ConsumerRecord<String, String>> reference = new ArrayList<>();
        long offset = 0;
        for (String[] r : people.records()) {
            reference.add(new ConsumerRecord<>(people.topic(), 0, offset++, r[0], r[1]));
        }
        partitions.add(reference);
        return partitions;
    }

    /** What a generation holds: each cell's non-empty shares with its coordinates, and every other collection. */
    private Map<String, Object> stored(Generation g) {
        Map<String, Object> cells = new TreeMap<>();
        for (Document cell : db.getCollection(g.cells()).find()) {
            Object shares = cell.get("p");
            if (shares instanceof Document d && !d.isEmpty()) {
                cells.put(cell.getString("_id"), List.of(new TreeMap<>(d), cell.getString("territory"),
                        cell.getString("aciId"), cell.getString("programme"), cell.getString("month")));
            }
        }
        Map<String, Object> all = new TreeMap<>();
        all.put("cells", cells);
        for (String name : List.of(g.pathways(), g.parked(), g.referrals(), g.territories(), g.acis(),
                g.participants())) {
            Map<String, Object> docs = new TreeMap<>();
            for (Document d : db.getCollection(name).find()) {
                docs.put(String.valueOf(d.get("_id")), new TreeMap<>(d));
            }
            all.put(name.substring(name.indexOf('_') + 1), docs);
        }
        return all;
    }

    private Report report(Generation g, String territory) {
        ProjectionReader reader = new ProjectionReader(db, new ActiveGeneration(db));
        return IndicatorCalculator.compute(new Filter(territory, null, null, null, null),
                reader.pathwayFacts(g, territory), reader.referralFacts(g, territory), reader.reference(g, territory));
    }

    @Test
    void aRebuildOfLongPathwaysGivesTheSameDocumentsAndFiguresAsLiveIngestion() throws Exception {
        Generation live = new Generation(1);
        Generation rebuilt = new Generation(2);
        List<List<ConsumerRecord<String, String>>> partitions = partitions();

        // live: the partitions' records interleaved into poll batches of up to 500, through the projector
        Projector projector = new Projector(db, live);
        List<ConsumerRecord<String, String>> polled = new ArrayList<>();
        List<Integer> next = new ArrayList<>(Collections.nCopies(partitions.size(), 0));
        while (polled.size() < partitions.stream().mapToInt(List::size).sum()) {
            int p = random.nextInt(partitions.size());
            int from = next.get(p);
            int to = Math.min(partitions.get(p).size(), from + 1 + random.nextInt(40));
            polled.addAll(partitions.get(p).subList(from, to));
            next.set(p, to);
        }
        for (int from = 0; from < polled.size(); from += 500) {
            handler.handleBatch(polled.subList(from, Math.min(polled.size(), from + 500)), projector);
        }
        List<String> liveLetters = deadLetters();

        // rebuild: one worker per partition folding in memory, then one write
        GenerationFold fold = new GenerationFold();
        ExecutorService workers = Executors.newFixedThreadPool(partitions.size());
        List<Future<?>> running = new ArrayList<>();
        for (List<ConsumerRecord<String, String>> partition : partitions) {
            running.add(workers.submit(() -> partition.forEach(r -> handler.fold(r, fold))));
        }
        for (Future<?> f : running) {
            f.get();
        }
        workers.shutdown();
        GenerationWriter.Written written = new GenerationWriter(db, rebuilt, 2).write(fold);

        assertThat(polled.size()).as("about 40 events per pathway").isGreaterThan(1_200);
        assertThat(written.pathways()).isEqualTo(36);
        assertThat(written.parked()).as("the gap and the poison event's successors wait").isPositive();
        assertThat(deadLetters()).as("the same letters, parked again").isEqualTo(liveLetters).hasSize(2);
        assertThat(stored(rebuilt)).isEqualTo(stored(live));
        for (String territory : new String[]{null, "fold-north", "fold-south"}) {
            assertThat(report(rebuilt, territory)).isEqualTo(report(live, territory));
        }
        assertThat(report(live, null).totals().exited()).isPositive();
        assertThat(db.getCollection(ActiveGeneration.META).find(new Document("_id", "rebuild-g2")).first())
                .as("the barrier's record").isNotNull();
    }

    private List<String> deadLetters() {
        List<String> ids = new ArrayList<>();
        for (Document d : db.getCollection("dead_letters").find()) {
            ids.add(d.getString("_id") + " " + d.getString("reason"));
        }
        Collections.sort(ids);
        return ids;
    }
}
