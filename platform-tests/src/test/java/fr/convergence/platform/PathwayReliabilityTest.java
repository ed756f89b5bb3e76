package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jepsen-style invariant checking on the real processes: under a steady command load, pathway-service, the
 * Kafka broker and the store process are killed with SIGKILL and restarted; then every acknowledged command
 * must be stored exactly once and published (once in effect, in order), and no unacknowledged command may have
 * left a partial state. The short version runs in the test command; -Dreliability.kills=24
 * -Dreliability.seconds=240 runs the long one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PathwayReliabilityTest {

    static final String TERRITORY = "paris";
    static final String ACI = "aci-paris-1";
    static final String TOPIC = "convergence." + TERRITORY + ".pathway.v1";
    static final LocalDate START = LocalDate.now().minusMonths(11);
    static Platform platform;
    static Api api;
    static Api coordinator;

    /** What the clients were told: per pathway, how many commands were acknowledged and how many had no answer. */
    static final Map<String, int[]> outcomes = new ConcurrentHashMap<>();
    static final AtomicInteger acknowledged = new AtomicInteger();
    static final AtomicInteger unknown = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    static final AtomicInteger faults = new AtomicInteger();
    static final Map<String, Object> report = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        Path data = Files.createTempDirectory("reliability");
        platform = new Platform(data);
        platform.service("pathway", "pathway-service", Map.of("TERRITORY", TERRITORY, "MONGODB_DATABASE", "pathway_rel"));
        platform.startInfrastructure();
        platform.start("pathway");
        // ACI staff record; the territory's coordinator lists what the store holds.
        api = new Api(platform.url("pathway")).as(platform.signIn(), "cip-" + ACI);
        coordinator = new Api(platform.url("pathway")).as(platform.signIn(), "coordinator-" + TERRITORY);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        StringBuilder text = new StringBuilder();
        report.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        Files.writeString(Path.of("target", "reliability-report.txt"), text.toString());
        System.out.println("RELIABILITY REPORT\n" + text);
    }

    @Test
    @Order(1)
    void crashLoopLosesNothingAndDuplicatesNothing() throws Exception {
        int kills = Integer.getInteger("reliability.kills", 6);
        int seconds = Integer.getInteger("reliability.seconds", 45);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> clientLoop(running));
        }
        String[] targets = {"pathway", "kafka", "mongo"};
        long interval = TimeUnit.SECONDS.toMillis(seconds) / (kills + 1);
        for (int k = 0; k < kills; k++) {
            Thread.sleep(interval);
            String target = targets[k % targets.length];
            platform.kill(target);
            faults.incrementAndGet();
            Thread.sleep(500);
            platform.start(target);
        }
        Thread.sleep(interval);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        // The store's truth: every pathway the service knows, with its version.
        Map<String, Long> stored = storedVersions();
        long storedEvents = stored.values().stream().mapToLong(Long::longValue).sum();
        // Wait until the outbox has drained every stored event to Kafka.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> distinctEventIds(TopicReader.readAll(platform.kafkaBootstrap(), TOPIC)) >= storedEvents);
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(platform.kafkaBootstrap(), TOPIC);

        int mismatches = 0;
        List<String> problems = new ArrayList<>();
        // 1. every acknowledged command is stored; nothing beyond what clients asked for is stored
        for (Map.Entry<String, int[]> e : outcomes.entrySet()) {
            long version = stored.getOrDefault(e.getKey(), 0L);
            int acked = e.getValue()[0];
            int noAnswer = e.getValue()[1];
            if (version < acked || version > acked + noAnswer) {
                mismatches++;
                problems.add(e.getKey() + " stored " + version + " events for " + acked + " acknowledged + " + noAnswer + " unanswered");
            }
        }
        // 2. every stored event is on Kafka, per pathway in sequence order (duplicates from redelivery allowed)
        Map<String, List<Long>> firstSeen = new HashMap<>();
        Map<String, Boolean> seenIds = new HashMap<>();
        int duplicates = 0;
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = Api.JSON.readTree(r.value());
            if (seenIds.put(event.get("eventId").asText(), true) != null) {
                duplicates++;
                continue;
            }
            firstSeen.computeIfAbsent(event.get("pathwayId").asText(), k -> new ArrayList<>()).add(event.get("sequence").asLong());
        }
        for (Map.Entry<String, Long> e : stored.entrySet()) {
            List<Long> sequences = firstSeen.getOrDefault(e.getKey(), List.of());
            List<Long> expected = java.util.stream.LongStream.range(0, e.getValue()).boxed().toList();
            if (!sequences.equals(expected)) {
                mismatches++;
                problems.add(e.getKey() + " published " + sequences + ", stored 0.." + (e.getValue() - 1));
            }
        }
        report.put("faults injected (SIGKILL)", faults.get());
        report.put("commands acknowledged", acknowledged.get());
        report.put("commands without answer (crash window)", unknown.get());
        report.put("commands refused (4xx/5xx, nothing stored)", refused.get());
        report.put("pathways", stored.size());
        report.put("events stored", storedEvents);
        report.put("events published (distinct)", seenIds.size());
        report.put("duplicate deliveries (deduplicated by eventId)", duplicates);
        report.put("mismatches", mismatches);
        assertThat(problems).as("invariant violations").isEmpty();
        assertThat(acknowledged.get()).as("the load made progress").isGreaterThan(50);
        assertThat(seenIds.size()).isEqualTo(storedEvents);
    }

    @Test
    @Order(2)
    void acceptsCommandsDuringAKafkaOutageAndPublishesThemInOrderAfterwards() throws Exception {
        String pathwayId = open("PSN-outage-" + UUID.randomUUID().toString().substring(0, 6));
        platform.kill("kafka");
        faults.incrementAndGet();
        int accepted = 0;
        for (int i = 1; i <= 30; i++) {
            Api.Reply r = api.post("/api/pathways/" + pathwayId + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(i)));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            accepted++;
        }
        Thread.sleep(5000);
        platform.start("kafka");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                TopicReader.readAll(platform.kafkaBootstrap(), TOPIC).stream()
                        .filter(r -> r.value().contains(pathwayId)).map(r -> r.value()).distinct().count() >= 31);
        List<Long> sequences = new ArrayList<>();
        Map<String, Boolean> ids = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(platform.kafkaBootstrap(), TOPIC)) {
            JsonNode e = Api.JSON.readTree(r.value());
            if (e.get("pathwayId").asText().equals(pathwayId) && ids.put(e.get("eventId").asText(), true) == null) {
                sequences.add(e.get("sequence").asLong());
            }
        }
        assertThat(sequences).isEqualTo(java.util.stream.LongStream.range(0, 31).boxed().toList());
        report.put("kafka outage: commands accepted while the broker was down", accepted);
    }

    private static String open(String participant) {
        Api.Reply r = api.post("/api/pathways", """
                {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(participant, ACI, START, START.plusMonths(20)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("pathwayId").asText();
    }

    private static void clientLoop(AtomicBoolean running) {
        while (running.get()) {
            String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 10);
            Api.Reply opened = api.post("/api/pathways", """
                    {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                    .formatted(participant, ACI, START, START.plusMonths(20)));
            if (opened.status() != 201) {
                pause(opened);
                continue; // an unanswered open may have created a pathway: the reconciliation counts it via the store
            }
            String id = opened.body().get("pathwayId").asText();
            int[] outcome = outcomes.computeIfAbsent(id, k -> new int[2]);
            outcome[0]++;
            acknowledged.incrementAndGet();
            for (int i = 1; i <= 10 && running.get(); i++) {
                Api.Reply r = api.post("/api/pathways/" + id + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(i)));
                if (r.status() == 200) {
                    outcome[0]++;
                    acknowledged.incrementAndGet();
                } else if (r.status() == -1 || r.status() >= 500) {
                    outcome[1]++; // no answer or failure: the command may or may not have been stored
                    unknown.incrementAndGet();
                    pause(r);
                } else {
                    refused.incrementAndGet();
                }
            }
        }
    }

    private static void pause(Api.Reply r) {
        try {
            Thread.sleep(r.status() == -1 || r.status() >= 500 ? 300 : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Long> storedVersions() {
        Map<String, Long> versions = new HashMap<>();
        for (int page = 0; ; page++) {
            Api.Reply r = coordinator.get("/api/pathways?territory=" + TERRITORY + "&size=200&page=" + page);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            for (JsonNode item : r.body().get("items")) {
                versions.put(item.get("pathwayId").asText(), item.get("version").asLong());
            }
            if (r.body().get("items").size() < 200) {
                return versions;
            }
        }
    }

    private static long distinctEventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return Api.JSON.readTree(r.value()).get("eventId").asText();
            } catch (Exception e) {
                return "";
            }
        }).distinct().count();
    }
}
