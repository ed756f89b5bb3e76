package fr.convergence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures a running local platform (started by {@code bench.sh} with {@code run.sh --no-demo} on a fresh data
 * directory) and, in the same run, a raw baseline for each figure: the plain MongoDB driver or Kafka client doing
 * the equivalent work against the same store and broker. Prints a table and writes it into BENCHMARKS.md between
 * generated-section markers, keeping the hand-written analysis around it. It asserts nothing.
 *
 * <p>Options ({@code --name=value}): {@code gateway}, {@code pathway}, {@code idp}, {@code mongo}, {@code kafka}, {@code out}
 * (Markdown file), {@code pgid} (process group of the platform, for the resource figures), {@code profile}
 * (directory for JFR summaries; {@code none} to skip), {@code seconds} (each throughput window),
 * {@code e2e-seconds}, {@code audit-events}, {@code levels} (store sizes for figure 2), {@code command}.
 */
public final class PlatformBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String EVENT_TYPE = "fr.convergence.pathway.domain.event.HealthCareAccessed";
    private static final Pattern TOPICS = Pattern.compile("convergence\\..*\\.(pathway|partnership)\\.v1");
    private static final String REPORTING_GROUP = "reporting-service.national";

    private final Map<String, String> opt;
    private final String gateway;
    private final String pathway;
    private final String kafka;
    private final Path profileDir;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final LocalDate today = LocalDate.now(PARIS);
    private final Http http;
    private final MongoClient mongo;
    private final MongoCollection<Document> streams;
    private final ProcSampler sampler;
    private final AtomicLong storedEvents = new AtomicLong();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    private PlatformBenchmark(Map<String, String> opt) {
        this.opt = opt;
        this.gateway = opt.getOrDefault("gateway", "http://127.0.0.1:8080");
        this.pathway = opt.getOrDefault("pathway", "http://127.0.0.1:8082");
        this.http = new Http(new fr.convergence.deploy.auth.SignIn(opt.getOrDefault("idp", "http://127.0.0.1:9000"), "demo"));
        this.kafka = opt.getOrDefault("kafka", "127.0.0.1:9092");
        String profile = opt.getOrDefault("profile", "benchmarks/target/profiles");
        this.profileDir = profile.equals("none") ? null : Path.of(profile);
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(opt.getOrDefault("mongo", "mongodb://127.0.0.1:27017")))
                .applyToSocketSettings(s -> s.readTimeout(180, TimeUnit.SECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(20, TimeUnit.SECONDS)).build());
        this.streams = mongo.getDatabase("pathway_local").getCollection("pathway_streams");
        this.sampler = new ProcSampler(opt.containsKey("pgid") ? Long.valueOf(opt.get("pgid")) : null);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + a + " (use --name=value)");
            }
        }
        PlatformBenchmark bench = new PlatformBenchmark(opt);
        int status = 0;
        try {
            bench.runAll();
        } catch (Exception e) {
            status = 1;
            bench.details.add("**The run stopped early:** " + e);
            e.printStackTrace();
        } finally {
            bench.finish();
        }
        System.exit(status);
    }

    // ------------------------------------------------------------------------------------------------ the run

    private void runAll() throws Exception {
        sampler.start();
        say("run " + run + ", today " + today + " (Europe/Paris)");
        for (Document d : streams.find().projection(new Document("version", 1))) {
            storedEvents.addAndGet(d.get("version", Number.class).longValue());
        }
        say("pathway_streams holds " + storedEvents.get() + " events at start");

        List<Long> levels = parseLevels(opt.getOrDefault("levels", "1000,100000,1000000"));
        Set<String> steps = Set.of(opt.getOrDefault("steps", "1,2,3,4,5,6").split(","));
        if (steps.contains("2")) {
            step("2", () -> figure2(levels.get(0)));
        }
        if (steps.contains("1")) {
            step("1", this::figure1);
        }
        if (steps.contains("6")) {
            step("6", this::figure6);
        }
        if (steps.contains("5")) {
            step("5", this::figure5);
        }
        if (steps.contains("3")) {
            step("3", this::figure3);
        }
        if (steps.contains("4")) {
            step("4", this::figure4);
        }
        if (steps.contains("2")) {
            for (long level : levels.subList(1, levels.size())) {
                step("2", () -> figure2(level));
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** One figure; a failure is recorded in the report and the run goes on with the next figure. */
    private void step(String figure, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            say("figure " + figure + " failed: " + e);
            details.add("**Figure " + figure + " failed:** " + e.toString().replace('\n', ' '));
        }
    }

    private void finish() {
        sampler.close();
        figure7();
        String table = table();
        System.out.println();
        System.out.println(table);
        details.forEach(d -> System.out.println("- " + d));
        String out = opt.get("out");
        if (out != null) {
            try {
                Report.write(Path.of(out), section(table));
                System.out.println("\nwrote " + out);
            } catch (IOException e) {
                System.out.println("could not write " + out + ": " + e);
            }
        }
        mongo.close();
    }

    // ------------------------------------------------------------------------------------ figure 1: throughput

    private void figure1() throws Exception {
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "8"));
        int maxClients = 8;
        int perClient = 4;
        say("figure 1: opening " + maxClients * perClient + " pathways");
        List<List<String>> own = new ArrayList<>();
        for (int c = 0; c < maxClients; c++) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < perClient; k++) {
                ids.add(open(pathway, "PSN-t" + run + "-" + c + "-" + k, today.minusMonths(11)));
            }
            own.add(ids);
        }
        String body = "{\"date\":\"" + today + "\"}";
        Load.Op ours = (t, i) -> {
            String id = own.get(t).get((int) (i % perClient));
            boolean ok = http.post(pathway + "/api/pathways/" + id + "/health-care", body).ok();
            if (ok) {
                storedEvents.incrementAndGet();
            }
            return ok;
        };

        MongoCollection<Document> raw = mongo.getDatabase("bench_raw").getCollection("streams");
        raw.drop();
        raw.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("stream_version"));
        List<List<String>> rawOwn = new ArrayList<>();
        for (int c = 0; c < maxClients; c++) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < perClient; k++) {
                String id = "raw-" + run + "-" + c + "-" + k;
                raw.insertOne(streamDocument(id, 1, List.of(realisticEntry(id, 0))));
                ids.add(id);
            }
            rawOwn.add(ids);
        }
        Load.Op baseline = (t, i) -> loadAndAppend(raw, rawOwn.get(t).get((int) (i % perClient)));

        for (int clients : new int[]{1, maxClients}) {
            JfrProfile p1 = clients == maxClients ? profile("pathway-service", "fig1-commands-8c-pathway-service") : null;
            JfrProfile p2 = clients == maxClients ? profile("MongoDB-wire store", "fig1-commands-8c-store") : null;
            say("figure 1: pathway commands, " + clients + " client(s), " + seconds + " s");
            Load.Result o = Load.run(clients, 2, seconds, ours);
            stop(p1);
            stop(p2);
            JfrProfile p3 = clients == maxClients ? profile("MongoDB-wire store", "fig1-raw-8t-store") : null;
            say("figure 1: raw driver load+append, " + clients + " thread(s), " + seconds + " s");
            Load.Result r = Load.run(clients, 2, seconds, baseline);
            stop(p3);
            row("1. pathway commands/s, " + clients + " client" + (clients > 1 ? "s" : ""),
                    Fmt.rate(o.perSecond(), "cmd/s") + " (p50/p99 " + o.latency().p50p99() + ")",
                    Fmt.rate(r.perSecond(), "cmd/s") + " (p50/p99 " + r.latency().p50p99() + ")",
                    r.perSecond() / o.perSecond());
            details.add(String.format(Locale.ROOT, "Figure 1, %d client(s): ours %d commands ok, %d errors%s; raw %d ok, %d errors%s.",
                    clients, o.ok(), o.errors(), o.firstError() == null ? "" : " (first: " + o.firstError() + ")",
                    r.ok(), r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
        }
    }

    /** The raw equivalent of one command: read the stream by _id, then a conditional append on {_id, version}. */
    private static boolean loadAndAppend(MongoCollection<Document> collection, String id) {
        Document doc = collection.find(new Document("_id", id)).first();
        long v = doc.get("version", Number.class).longValue();
        return collection.updateOne(new Document("_id", id).append("version", v),
                new Document("$push", new Document("events", realisticEntry(id, v)))
                        .append("$inc", new Document("version", 1L))
                        .append("$set", new Document("pending", false))).getMatchedCount() == 1;
    }

    // -------------------------------------------------------------------- figure 2: latency against store size

    private void figure2(long level) throws Exception {
        seedTo(level);
        String label = level >= 1_000_000 ? (level / 1_000_000) + "M" : level >= 1000 ? (level / 1000) + "k" : level + "";
        String id = open(pathway, "PSN-l" + run + "-" + label, today.minusMonths(11));
        String body = "{\"date\":\"" + today + "\"}";
        boolean big = level >= 1_000_000;
        JfrProfile p = big ? profile("pathway-service", "fig2-latency-1M-pathway-service") : null;
        JfrProfile ps = big ? profile("MongoDB-wire store", "fig2-latency-1M-store") : null;
        say("figure 2: load-and-append latency with ~" + storedEvents.get() + " events stored");
        long before = storedEvents.get();
        Stats ours = Load.sequential(20, 150, (t, i) -> {
            boolean ok = http.post(pathway + "/api/pathways/" + id + "/health-care", body).ok();
            if (ok) {
                storedEvents.incrementAndGet();
            }
            return ok;
        });
        stop(p);
        stop(ps);
        String rawId = "bench-raw-" + run + "-" + label;
        streams.insertOne(streamDocument(rawId, 1, List.of(realisticEntry(rawId, 0))));
        Stats raw = Load.sequential(20, 150, (t, i) -> loadAndAppend(streams, rawId));
        storedEvents.addAndGet(171);
        row("2. load-and-append p50 / p99, ~" + label + " events stored (" + String.format(Locale.ROOT, "%,d", before) + ")",
                ours.p50p99(), raw.p50p99(), ours.p50() / raw.p50());
    }

    /** Tops pathway_streams up with filler streams (100 small events each) until it holds {@code target} events. */
    private void seedTo(long target) {
        long missing = target - storedEvents.get();
        if (missing <= 0) {
            return;
        }
        int perDoc = 100;
        long docs = (missing + perDoc - 1) / perDoc;
        say("seeding " + docs + " filler streams of " + perDoc + " events into pathway_local.pathway_streams");
        long t0 = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (long d = 0; d < docs; d++) {
            String id = "filler-" + run + "-" + target + "-" + d;
            List<Document> events = new ArrayList<>(perDoc);
            for (int s = 0; s < perDoc; s++) {
                events.add(new Document("seq", (long) s).append("id", id + "-" + s).append("type", EVENT_TYPE)
                        .append("rev", "1").append("ts", "2026-01-05T09:00:00Z")
                        .append("payload", new Document("occurredOn", "2026-01-05")));
            }
            batch.add(streamDocument(id, perDoc, events));
            if (batch.size() == 100 || d == docs - 1) {
                streams.insertMany(batch);
                storedEvents.addAndGet((long) batch.size() * perDoc);
                batch = new ArrayList<>();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        details.add(String.format(Locale.ROOT, "Seeded %,d filler streams (%,d events) with insertMany in %.1f s (%,.0f events/s) to reach ~%,d stored events.",
                docs, docs * perDoc, s, docs * perDoc / s, target));
        say(String.format(Locale.ROOT, "   seeded in %.1f s", s));
    }

    private static Document streamDocument(String id, long version, List<Document> events) {
        return new Document("_id", id).append("version", version).append("publishedVersion", version)
                .append("pending", false).append("headHash", "0".repeat(64))
                .append("territory", "paris").append("aciId", "aci-bench-filler")
                .append("participantId", "PSN-" + id).append("programme", "CVG").append("status", "ACTIVE")
                .append("startedOn", "2026-01-05").append("events", events);
    }

    /** An entry the size and shape of a stored HealthCareAccessed event (ids, metadata, hash links). */
    private static Document realisticEntry(String streamId, long seq) {
        return new Document("seq", seq).append("id", UUID.randomUUID().toString()).append("type", EVENT_TYPE)
                .append("rev", "1").append("ts", Instant.now().toString())
                .append("payload", new Document("pathwayId", streamId).append("occurredOn", "2026-01-05"))
                .append("meta", new Document("correlationId", UUID.randomUUID().toString()).append("recordedBy", "bench"))
                .append("prev", "a".repeat(64)).append("hash", "b".repeat(64));
    }

    // -------------------------------------------------------------------- figure 3: command -> national view

    private void figure3() throws Exception {
        double seconds = Double.parseDouble(opt.getOrDefault("e2e-seconds", "30"));
        double rate = 5;
        waitForReportingToCatchUp();
        String month = YearMonth.from(today).toString();
        String view = gateway + "/api/reporting/national?from=" + month + "&to=" + month;
        long base = entered(view);
        List<Long> visible = Collections.synchronizedList(new ArrayList<>());
        long[] last = {base};
        boolean[] polling = {true};
        Thread poller = new Thread(() -> {
            while (polling[0]) {
                try {
                    long n = entered(view);
                    long now = System.nanoTime();
                    for (long k = last[0]; k < n; k++) {
                        visible.add(now);
                    }
                    last[0] = Math.max(last[0], n);
                    Thread.sleep(25);
                } catch (Exception e) {
                    if (!polling[0]) {
                        return;
                    }
                }
            }
        }, "national-poller");
        poller.setDaemon(true);
        JfrProfile p = profile("reporting-service", "fig3-e2e-reporting-service");
        say("figure 3: " + rate + " hires/s for " + seconds + " s through the gateway, polling the national view");
        List<Long> accepted = paced(rate, seconds, i -> {
            Http.Response r = http.post(gateway + "/api/pathways", hireBody("PSN-e" + run + "-" + i, today));
            if (r.ok()) {
                storedEvents.incrementAndGet();
            }
            return r.ok();
        }, poller);
        waitUntil(() -> visible.size() >= accepted.size(), 60);
        polling[0] = false;
        stop(p);
        Stats ours = matched(accepted, visible);

        // raw: produce (acks=all) -> consume -> $inc a counter document -> a poller reads it by _id
        String topic = "bench.raw.e2e";
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        MongoCollection<Document> counters = mongo.getDatabase("bench_raw").getCollection("counters");
        String counterId = "e2e-" + run;
        List<Long> rawVisible = Collections.synchronizedList(new ArrayList<>());
        boolean[] rawRunning = {true};
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> c = consumer("bench-raw-e2e-" + run)) {
                TopicPartition tp = new TopicPartition(topic, 0);
                c.assign(List.of(tp));
                c.seekToEnd(List.of(tp));
                c.position(tp);
                while (rawRunning[0]) {
                    for (ConsumerRecord<byte[], byte[]> ignored : c.poll(Duration.ofMillis(100))) {
                        counters.updateOne(new Document("_id", counterId), new Document("$inc", new Document("n", 1L)),
                                new UpdateOptions().upsert(true));
                    }
                }
            }
        }, "raw-e2e-consumer");
        consumer.setDaemon(true);
        consumer.start();
        Thread.sleep(1500); // let the consumer take its position
        long[] rawLast = {0};
        Thread rawPoller = new Thread(() -> {
            while (rawRunning[0]) {
                try {
                    Document d = counters.find(new Document("_id", counterId)).first();
                    long n = d == null ? 0 : d.get("n", Number.class).longValue();
                    long now = System.nanoTime();
                    for (long k = rawLast[0]; k < n; k++) {
                        rawVisible.add(now);
                    }
                    rawLast[0] = Math.max(rawLast[0], n);
                    Thread.sleep(25);
                } catch (Exception e) {
                    if (!rawRunning[0]) {
                        return;
                    }
                }
            }
        }, "raw-poller");
        rawPoller.setDaemon(true);
        double rawSeconds = Math.min(seconds, 15);
        say("figure 3 raw: " + rate + " records/s for " + rawSeconds + " s, produce -> consume -> updateOne -> findOne poll");
        List<Long> rawAccepted;
        try (KafkaProducer<String, String> producer = producer()) {
            rawAccepted = paced(rate, rawSeconds, i -> {
                producer.send(new ProducerRecord<>(topic, "k" + i, "{\"n\":" + i + "}")).get();
                return true;
            }, rawPoller);
        }
        waitUntil(() -> rawVisible.size() >= rawAccepted.size(), 30);
        rawRunning[0] = false;
        Stats raw = matched(rawAccepted, rawVisible);
        row("3. command accepted → visible in national view, p50 / p99 (" + rate + "/s)", ours.p50p99(), raw.p50p99(),
                ours.p50() / raw.p50());
        details.add(String.format(Locale.ROOT, "Figure 3: %d hires accepted, %d seen in the national view (entered, month %s) by a 25 ms poller; raw: %d records, %d seen. The i-th acceptance is matched with the i-th increase of the count.",
                accepted.size(), visible.size(), month, rawAccepted.size(), rawVisible.size()));
    }

    private long entered(String view) {
        Http.Response r = http.get(view);
        if (!r.ok()) {
            throw new IllegalStateException("GET " + view + " -> " + r.status() + " " + r.body());
        }
        return r.json().path("totals").path("entered").asLong();
    }

    private interface Action {
        boolean run(int i) throws Exception;
    }

    /** Runs the action at a fixed rate; returns the nanoTime at which each successful one was acknowledged. */
    private static List<Long> paced(double perSecond, double seconds, Action action, Thread startWith) throws Exception {
        startWith.start();
        Thread.sleep(300);
        List<Long> acceptedAt = new ArrayList<>();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        int n = (int) (perSecond * seconds);
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (action.run(i)) {
                acceptedAt.add(System.nanoTime());
            }
        }
        return acceptedAt;
    }

    private static Stats matched(List<Long> accepted, List<Long> visible) {
        List<Long> sortedVisible;
        synchronized (visible) {
            sortedVisible = new ArrayList<>(visible);
        }
        List<Long> lat = new ArrayList<>();
        for (int i = 0; i < Math.min(accepted.size(), sortedVisible.size()); i++) {
            lat.add(Math.max(0, sortedVisible.get(i) - accepted.get(i)));
        }
        return Stats.ofNanos(lat);
    }

    // ------------------------------------------------------------------------ figure 4: projection rebuild

    private void figure4() throws Exception {
        waitForReportingToCatchUp();
        JfrProfile p = profile("reporting-service", "fig4-rebuild-reporting-service");
        JfrProfile ps = profile("MongoDB-wire store", "fig4-rebuild-store");
        say("figure 4: projection rebuild");
        long t0 = System.nanoTime();
        Http.Response started = http.post(gateway + "/api/reporting/rebuilds", null);
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild did not start: " + started.status() + " " + started.body());
        }
        JsonNode progress = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(420);
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            progress = http.get(gateway + "/api/reporting/rebuilds/current").json();
            String state = progress.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop(p);
        stop(ps);
        if (progress == null || !progress.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("rebuild did not finish: " + progress);
        }
        long done = progress.path("done").asLong();
        double ours = done / seconds;

        say("figure 4 raw: KafkaConsumer over the same topics from the beginning");
        long r0 = System.nanoTime();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-raw-rebuild-" + run)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> t : c.listTopics().entrySet()) {
                if (TOPICS.matcher(t.getKey()).matches()) {
                    t.getValue().forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
                }
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> rec : batch) {
                    records++;
                    bytes += rec.value() == null ? 0 : rec.value().length;
                }
            }
        }
        double rawSeconds = (System.nanoTime() - r0) / 1e9;
        double raw = records / rawSeconds;
        row("4. projection rebuild, events/s", Fmt.rate(ours, "ev/s") + String.format(Locale.ROOT, " (%,d in %.1f s)", done, seconds),
                Fmt.rate(raw, "ev/s") + String.format(Locale.ROOT, " (%,d in %.2f s)", records, rawSeconds), raw / ours);
        details.add(String.format(Locale.ROOT, "Figure 4: the rebuild reported %s; its own rate figure %.0f/s. Raw consumer read %,d records (%,d bytes of values) from the beginning, pattern %s, without parsing them.",
                progress.path("state").asText(), progress.path("ratePerSecond").asDouble(), records, bytes, TOPICS.pattern()));
    }

    /** Waits until the reporting consumer group has committed up to the end of every matching partition. */
    private void waitForReportingToCatchUp() throws Exception {
        long t0 = System.nanoTime();
        long lag = -1;
        try (Admin admin = admin()) {
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(180)) {
                Set<String> topics = admin.listTopics().names().get().stream().filter(t -> TOPICS.matcher(t).matches())
                        .collect(Collectors.toSet());
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(REPORTING_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                lag = 0;
                for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue() - (c == null ? 0 : c.offset());
                }
                if (lag <= 0) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        say(String.format(Locale.ROOT, "   reporting lag %d after waiting %.1f s", lag, (System.nanoTime() - t0) / 1e9));
    }

    // -------------------------------------------------------------------------------- figure 5: audit replay

    private void figure5() throws Exception {
        int events = Integer.parseInt(opt.getOrDefault("audit-events", "1000"));
        // participant-service (asked for its part of the history) accepts only ids shaped PSN-[A-Z2-7]{12}
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder pseudonym = new StringBuilder("PSN-");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 12; i++) {
            pseudonym.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String participant = pseudonym.toString();
        String id = open(pathway, participant, today.minusMonths(11));
        say("figure 5: appending " + (events - 1) + " commands to one pathway (one at a time)");
        String body = "{\"date\":\"" + today + "\"}";
        long t0 = System.nanoTime();
        List<Long> appendNanos = new ArrayList<>();
        int appended = 1;
        for (int i = 1; i < events; i++) {
            long a = System.nanoTime();
            Http.Response r = http.post(pathway + "/api/pathways/" + id + "/health-care", body);
            if (!r.ok()) {
                throw new IllegalStateException("command " + i + " -> " + r.status() + " " + r.body());
            }
            appendNanos.add(System.nanoTime() - a);
            appended++;
            storedEvents.incrementAndGet();
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(240)) {
                say("   stopping at " + appended + " events (time cap)");
                break;
            }
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        int n = appended;
        String url = gateway + "/api/audit/participants/" + participant + "/history?size=1000";
        JfrProfile p = profile("pathway-service", "fig5-audit-pathway-service");
        Stats ours;
        try {
            ours = Load.sequential(3, 20, (t, i) -> {
                Http.Response r = http.get(url);
                int items = r.ok() ? r.json().path("items").size() : -1;
                if (items != n) {
                    throw new IllegalStateException("GET " + url + " -> " + r.status() + ", " + items + " items: "
                            + r.body().substring(0, Math.min(300, r.body().length())));
                }
                return true;
            });
        } finally {
            stop(p);
        }
        // The raw baseline reads the same history with the driver alone: the stream's hot document, then its sealed
        // chunks one by one by exact key ("<id>#<k>", the layout of pathway-service's store since issue 20), until
        // every event is in hand. A document of the earlier layout holds them all and needs no chunk.
        MongoCollection<Document> chunks = mongo.getDatabase("pathway_local").getCollection("pathway_stream_chunks");
        Stats raw = Load.sequential(3, 20, (t, i) -> {
            Document d = streams.find(new Document("_id", id)).first();
            if (d == null) {
                return false;
            }
            long sealed = d.get("chunked", Number.class) == null ? 0 : d.get("chunked", Number.class).longValue();
            long read = 0;
            for (int k = 0; read < sealed; k++) {
                Document chunk = chunks.find(new Document("_id", id + "#" + k)).first();
                if (chunk == null) {
                    return false;
                }
                read += chunk.getList("events", Document.class).size();
            }
            return read + d.getList("events", Document.class).size() == n;
        });
        row("5. audit history of " + n + " events, p50 / p99", ours.p50p99(), raw.p50p99(), ours.p50() / raw.p50());
        List<Long> firstHundred = appendNanos.subList(0, Math.min(100, appendNanos.size()));
        List<Long> lastHundred = appendNanos.subList(Math.max(0, appendNanos.size() - 100), appendNanos.size());
        details.add(String.format(Locale.ROOT, "Figure 5: building the %d-event pathway took %.1f s; one command's latency was p50 %s over its first 100 events and p50 %s over its last 100 (a flat cost means the bounded hot document and the snapshot work: before issue 20 the whole stream was read, folded and rewritten on each append, 42 ms → 321 ms).",
                n, fillSeconds, Fmt.ms(Stats.ofNanos(firstHundred).p50()), Fmt.ms(Stats.ofNanos(lastHundred).p50())));
    }

    // ----------------------------------------------------------------------------- figure 6: gateway overhead

    private void figure6() throws Exception {
        String id = open(pathway, "PSN-g" + run, today.minusMonths(11));
        String viaGateway = gateway + "/api/pathways/" + id;
        String direct = pathway + "/api/pathways/" + id;
        say("figure 6: 2,000 sequential GETs direct, then through the gateway");
        Stats d = Load.sequential(200, 2000, (t, i) -> http.get(direct).ok());
        Stats g = Load.sequential(200, 2000, (t, i) -> http.get(viaGateway).ok());
        row("6. GET /api/pathways/{id}, 1 client, p50 / p99 (gateway vs direct)", g.p50p99(), d.p50p99(), g.p50() / d.p50());
        say("figure 6: 8 clients, 5 s each");
        Load.Result d8 = Load.run(8, 1, 5, (t, i) -> http.get(direct).ok());
        JfrProfile p = profile("gateway", "fig6-gateway-8c");
        Load.Result g8 = Load.run(8, 1, 5, (t, i) -> http.get(viaGateway).ok());
        stop(p);
        row("6. GET /api/pathways/{id}, 8 clients (gateway vs direct)",
                Fmt.rate(g8.perSecond(), "req/s") + " (p50/p99 " + g8.latency().p50p99() + ")",
                Fmt.rate(d8.perSecond(), "req/s") + " (p50/p99 " + d8.latency().p50p99() + ")",
                d8.perSecond() / g8.perSecond());
        details.add(String.format(Locale.ROOT, "Figure 6: 8-client errors gateway %d, direct %d.", g8.errors(), d8.errors()));
    }

    // ---------------------------------------------------------------------------- figure 7: memory and CPU

    private void figure7() {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        for (ProcSampler.Proc p : sampler.results()) {
            rows.add(new String[]{"7. " + p.name + " (pid " + p.pid + ")",
                    String.format(Locale.ROOT, "RSS avg %.0f MiB, max %.0f MiB; CPU %.0f%% of one core", p.avgRssMb(),
                            p.maxRssMb(), p.cpuPercentOfOneCore()), "—", "—"});
        }
        details.add(String.format(Locale.ROOT, "Figure 7: /proc sampled every second over the %.0f s run (CPU = (utime+stime) / wall time of the run, 100%% = one core; the machine has %d).",
                wall, Runtime.getRuntime().availableProcessors()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String open(String base, String participantId, LocalDate start) {
        Http.Response r = http.postOk(base + "/api/pathways", hireBody(participantId, start));
        storedEvents.incrementAndGet();
        return r.json().path("pathwayId").asText();
    }

    private static String hireBody(String participantId, LocalDate start) {
        return "{\"participantId\":\"" + participantId + "\",\"territory\":\"paris\",\"aciId\":\"aci-paris-1\","
                + "\"programme\":\"CVG\",\"contractStart\":\"" + start + "\",\"plannedEnd\":\"" + start.plusMonths(20)
                + "\",\"weeklyHours\":26}";
    }

    private JfrProfile profile(String process, String name) {
        if (profileDir == null) {
            return null;
        }
        sampler.sampleOnce();
        return sampler.pidOf(process).map(pid -> JfrProfile.start(pid, name, profileDir)).orElse(null);
    }

    private void stop(JfrProfile p) {
        if (p != null) {
            Path summary = p.stopAndSummarise();
            if (summary != null) {
                profiles.add(summary.toString());
            }
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return Admin.create(p);
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitUntil(Condition c, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.holds() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static List<Long> parseLevels(String s) {
        List<Long> levels = new ArrayList<>();
        for (String part : s.split(",")) {
            levels.add(Long.parseLong(part.trim()));
        }
        return levels;
    }

    private void row(String figure, String ours, String raw, double ratio) {
        rows.add(new String[]{figure, ours, raw, Fmt.ratio(ratio) + (ratio > 2 ? " ⚠" : "")});
        System.out.println("   " + figure + ": ours " + ours + " | raw " + raw + " | " + Fmt.ratio(ratio));
    }

    private void say(String s) {
        System.out.printf(Locale.ROOT, "[%s +%4.0fs] %s%n", Instant.now().atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("HH:mm:ss")), (System.nanoTime() - startedNanos) / 1e9, s);
    }

    private String table() {
        StringBuilder t = new StringBuilder("| figure | ours | raw baseline | ratio (ours cost ÷ raw cost) |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            t.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return t.toString();
    }

    private String section(String table) {
        Map<String, String> machine = Report.machine();
        StringBuilder s = new StringBuilder();
        s.append("## Latest run (generated by `./bench.sh`; do not edit between the markers)\n\n");
        s.append("- **Command:** `").append(opt.getOrDefault("command", "./bench.sh")).append("`\n");
        s.append("- **Date:** ").append(Instant.now().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(String.format(Locale.ROOT, " (harness ran %.0f s)", (System.nanoTime() - startedNanos) / 1e9)).append('\n');
        machine.forEach((k, v) -> s.append("- **").append(k).append(":** ").append(v).append('\n'));
        s.append("- **Platform:** fresh `run.sh --no-demo` on `.data-bench/` (durable H2-backed MongoDB-wire store, KRaft Kafka, ")
                .append("four services and the gateway on this machine); the harness runs on the same machine.\n\n");
        s.append("Ratio is how many times costlier ours is than its raw baseline (throughput: raw ÷ ours; latency: ours ÷ raw); ")
                .append("⚠ marks figures more than 2× below their baseline (explained below).\n\n");
        s.append(table).append('\n');
        for (String d : details) {
            s.append("- ").append(d).append('\n');
        }
        if (!profiles.isEmpty()) {
            s.append("- JFR summaries of this run: ").append(profiles.stream().map(p -> "`" + p + "`")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return s.toString();
    }

}
