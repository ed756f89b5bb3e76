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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jepsen-style invariant checking on the whole platform, as real processes: under a steady load through the
 * gateway (people registered, pathways opened, entry profiles, interviews, barriers for partners, health care, exits
 * with the housing at exit, follow-up contacts), every service, the
 * gateway, the Kafka broker and the store process are killed with SIGKILL at random and restarted. Then the
 * platform is reconciled against what the clients were told:
 * <ul>
 *   <li>every acknowledged command is stored exactly once; an unanswered one is stored whole or not at all;</li>
 *   <li>every stored event is published once in effect (duplicates only as redeliveries of the same event id),
 *       in stream order, and nothing is published that is not stored;</li>
 *   <li>every projection counts each event once: the national figures equal the events, partnership-service holds
 *       exactly one need per barrier for a partner, participant-service every acknowledged registration.</li>
 * </ul>
 * Then a Kafka outage (commands accepted meanwhile, published in order afterwards) and many clients on one
 * pathway (no lost update, no rule broken). The short version runs in the test command; {@code ./reliability.sh}
 * runs the long one (at least 20 kills, a several-minute outage). Counts go to target/reliability-report.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformReliabilityTest {

    static final String TERRITORY = "paris";
    static final String PATHWAY_TOPIC = "convergence." + TERRITORY + ".pathway.v1";
    static final LocalDate START = LocalDate.now().minusMonths(11);
    static final List<String> KILLABLE = List.of("gateway", "participant", "pathway", "partnership", "reporting",
            "kafka", "mongo");
    static final int CLIENTS = 4;
    static Platform platform;
    static final Map<String, Object> report = new LinkedHashMap<>();

    /** What the clients were told, per pathway: commands acknowledged, and commands with no answer. */
    static final Map<String, int[]> outcomes = new ConcurrentHashMap<>();
    /** Registrations acknowledged: participant id → the ACI whose staff registered them. */
    static final Map<String, String> registered = new ConcurrentHashMap<>();
    static final AtomicInteger acknowledged = new AtomicInteger();
    static final AtomicInteger unknown = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    static final Map<String, Integer> faults = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new Platform(Files.createTempDirectory("reliability"));
        int participantPort = platform.service("participant", "participant-service",
                Map.of("TERRITORY", TERRITORY, "MONGODB_DATABASE", "participant_rel"));
        int partnershipPort = platform.service("partnership", "partnership-service",
                Map.of("TERRITORY", TERRITORY, "MONGODB_DATABASE", "partnership_rel"));
        platform.service("pathway", "pathway-service", Map.of("TERRITORY", TERRITORY, "MONGODB_DATABASE", "pathway_rel",
                "PARTICIPANT_URL", "http://127.0.0.1:" + participantPort, "PARTNERSHIP_URL", "http://127.0.0.1:" + partnershipPort));
        platform.service("reporting", "reporting-service", Map.of("MONGODB_DATABASE", "reporting_rel"));
        platform.startInfrastructure();
        for (String s : List.of("participant", "pathway", "partnership", "reporting")) {
            platform.start(s);
        }
        platform.service("gateway", "gateway", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "PARTNERSHIP_URL", platform.url("partnership"),
                "REPORTING_URL", platform.url("reporting"), "AUDIT_URL", platform.url("pathway")));
        platform.start("gateway");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        StringBuilder text = new StringBuilder();
        report.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "reliability-report.txt"), text.toString());
        System.out.println("RELIABILITY REPORT\n" + text);
    }

    static Api as(String user) {
        return new Api(platform.url("gateway")).as(platform.signIn(), user);
    }

    static String aciOf(int client) {
        return "aci-" + TERRITORY + "-" + (client + 1);
    }

    @Test
    @Order(1)
    void crashLoopAcrossEveryProcessLosesNothingAndCountsNothingTwice() throws Exception {
        int kills = Integer.getInteger("reliability.kills", 7);
        int seconds = Integer.getInteger("reliability.seconds", 45);
        Random random = new Random(Long.getLong("reliability.seed", 20261122L));
        for (int c = 0; c < CLIENTS; c++) {
            platform.signIn().token("cip-" + aciOf(c)); // signed in before the faults: sign-in is not under test
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> clientLoop(client, running));
        }
        long interval = TimeUnit.SECONDS.toMillis(seconds) / (kills + 1);
        for (int k = 0; k < kills; k++) {
            Thread.sleep(interval);
            // every process is hit at least once; then at random
            String target = k < KILLABLE.size() ? KILLABLE.get(k) : KILLABLE.get(random.nextInt(KILLABLE.size()));
            platform.kill(target);
            faults.merge(target, 1, Integer::sum);
            Thread.sleep(300 + random.nextInt(1500));
            platform.start(target);
        }
        Thread.sleep(interval);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        List<String> problems = new ArrayList<>();
        // 1. The pathway store's truth, through the API: every pathway with its version (= events stored).
        Map<String, Long> stored = storedVersions();
        long storedEvents = stored.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, int[]> e : outcomes.entrySet()) {
            long version = stored.getOrDefault(e.getKey(), 0L);
            int acked = e.getValue()[0];
            int noAnswer = e.getValue()[1];
            if (version < acked || version > acked + noAnswer) {
                problems.add("pathway " + e.getKey() + " stored " + version + " events for " + acked
                        + " acknowledged + " + noAnswer + " unanswered commands");
            }
        }
        // 2. Published once in effect, in order, and nothing that is not stored.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(), PATHWAY_TOPIC)).distinct() >= storedEvents);
        PublishedStream published = PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(), PATHWAY_TOPIC));
        for (Map.Entry<String, Long> e : stored.entrySet()) {
            List<Long> expected = java.util.stream.LongStream.range(0, e.getValue()).boxed().toList();
            if (!published.sequences(e.getKey()).equals(expected)) {
                problems.add("pathway " + e.getKey() + " published " + published.sequences(e.getKey()) + ", stored 0.." + (e.getValue() - 1));
            }
        }
        for (String pathway : published.pathways()) {
            if (!stored.containsKey(pathway)) {
                problems.add("pathway " + pathway + " is on Kafka but not in the store");
            }
        }
        // 3. participant-service kept every acknowledged registration.
        for (Map.Entry<String, String> p : registered.entrySet()) {
            // straight to the service: a reconciliation of thousands of reads is not a user, the gateway would
            // (rightly) rate-limit it
            Api.Reply r = new Api(platform.url("participant")).as(platform.signIn(), "cip-" + p.getValue())
                    .get("/api/participants/" + p.getKey() + "?purpose=reconciliation");
            if (r.status() != 200) {
                problems.add("registration " + p.getKey() + " acknowledged but answers " + r.status());
            }
        }
        // 4. The national projection counts every hire and exit once, once it has caught up.
        Api analyst = as("analyst");
        String period = "?from=" + YearMonth.from(START) + "&to=" + YearMonth.now();
        long hires = published.count("ParticipantHired");
        long exits = published.count("ParticipantExited");
        long interviews = published.count("AccompanimentRecorded");
        long profiles = published.participantsWith("EntryProfileRecorded").size();
        long exitsWithHousing = exits;   // every exit of the load gives its housing at exit
        String[] last = {""};
        boolean caughtUp = awaitQuietly(Duration.ofSeconds(120), () -> {
            JsonNode totals = analyst.get("/api/reporting/territories/" + TERRITORY + period).body().path("totals");
            last[0] = "entered " + totals.path("entered").asLong() + ", exited " + totals.path("exited").asLong()
                    + ", interviews " + totals.path("interviews").asLong() + ", from the street "
                    + totals.path("fromStreet").path("numerator").asLong() + "/" + totals.path("fromStreet").path("denominator").asLong()
                    + ", exits to durable housing " + totals.path("exitsToDurableHousing").path("numerator").asLong();
            return totals.path("entered").asLong() == hires && totals.path("exited").asLong() == exits
                    && totals.path("interviews").asLong() == interviews
                    && totals.path("fromStreet").path("numerator").asLong() == profiles
                    && totals.path("fromStreet").path("denominator").asLong() == profiles
                    && totals.path("exitsToDurableHousing").path("numerator").asLong() == exitsWithHousing;
        });
        if (!caughtUp) {
            problems.add("national projection shows " + last[0] + " for " + hires + " hires, " + exits + " exits, "
                    + interviews + " interviews and " + profiles + " entry profiles (all from the street)");
        }
        // 5. partnership-service holds exactly one need per barrier for a partner (redeliveries counted once).
        Api officer = new Api(platform.url("partnership")).as(platform.signIn(), "cdp-" + TERRITORY); // not rate-limited
        Set<String> withBarrier = published.participantsWith("BarrierAssessed");
        List<String> needMismatches = new ArrayList<>();
        boolean needsSettled = awaitQuietly(Duration.ofSeconds(Integer.getInteger("reliability.settleSeconds", 300)), () -> {
            needMismatches.clear();
            for (String participant : published.participants()) {
                Api.Reply view = officer.get("/api/partnerships/participants/" + participant + "/needs");
                long needs = 0;
                for (JsonNode n : view.body() == null ? Api.JSON.createArrayNode() : view.body().path("needs")) {
                    needs += "HOUSING".equals(n.path("barrierDomain").asText()) ? 1 : 0;
                }
                if (needs != (withBarrier.contains(participant) ? 1 : 0)) {
                    needMismatches.add(participant + " expected " + (withBarrier.contains(participant) ? 1 : 0)
                            + " housing need, got " + view.status() + " " + view.raw());
                }
            }
            System.out.println("reconciliation: " + needMismatches.size() + " participants' needs not settled yet");
            return needMismatches.isEmpty();
        });
        if (!needsSettled) {
            problems.add(needMismatches.size() + " participants whose partnership needs do not match their barriers, e.g. "
                    + needMismatches.subList(0, Math.min(3, needMismatches.size())));
        }

        report.put("faults injected (SIGKILL)", faults.values().stream().mapToInt(Integer::intValue).sum() + " " + faults);
        report.put("commands acknowledged", acknowledged.get());
        report.put("commands without answer (crash window)", unknown.get());
        report.put("commands refused (4xx, nothing stored)", refused.get());
        report.put("participants registered (acknowledged)", registered.size());
        report.put("pathways", stored.size());
        report.put("events stored", storedEvents);
        report.put("events published (distinct)", published.distinct());
        report.put("duplicate deliveries (deduplicated by eventId)", published.duplicates());
        report.put("national projection", last[0] + " (hires " + hires + ", exits " + exits + ")");
        report.put("mismatches", problems.size());
        assertThat(problems).as("invariant violations").isEmpty();
        assertThat(acknowledged.get()).as("the load made progress").isGreaterThan(50);
        assertThat(published.distinct()).isEqualTo(storedEvents);
    }

    @Test
    @Order(2)
    void acceptsCommandsDuringAKafkaOutageAndPublishesThemInOrderAfterwards() throws Exception {
        int outageSeconds = Integer.getInteger("reliability.outageSeconds", 10);
        Api cip = as("cip-" + aciOf(0));
        String pathwayId = open(cip, "PSN-outage-" + UUID.randomUUID().toString().substring(0, 6), aciOf(0));
        platform.kill("kafka");
        faults.merge("kafka (outage)", 1, Integer::sum);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(outageSeconds);
        int accepted = 0;
        // A burst at once, then one command a second for as long as the broker stays down.
        for (int i = 1; i <= 30 || System.nanoTime() < until; i++) {
            Api.Reply r = cip.post("/api/pathways/" + pathwayId + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(i)));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            accepted++;
            if (i >= 30) {
                Thread.sleep(1000);
            }
        }
        platform.start("kafka");
        int expected = accepted + 1;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(), PATHWAY_TOPIC)).sequences(pathwayId).size() >= expected);
        assertThat(PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(), PATHWAY_TOPIC)).sequences(pathwayId))
                .isEqualTo(java.util.stream.LongStream.range(0, expected).boxed().toList());
        report.put("kafka outage", outageSeconds + " s; commands accepted meanwhile: " + accepted
                + ", all published in order afterwards");
    }

    @Test
    @Order(3)
    void manyClientsOnOnePathwayLoseNoUpdateAndBreakNoRule() throws Exception {
        Api cip = as("cip-" + aciOf(1));
        String pathwayId = open(cip, "PSN-race-" + UUID.randomUUID().toString().substring(0, 6), aciOf(1));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger ok = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 10; i++) {
                    Api.Reply r = cip.post("/api/pathways/" + pathwayId + "/health-care",
                            "{\"date\":\"%s\"}".formatted(START.plusDays(1 + thread * 10 + i)));
                    if (r.status() == 200) {
                        ok.incrementAndGet();
                    } else {
                        assertThat(r.status()).as(r.raw()).isEqualTo(409); // a lost race is reported, never hidden
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        long version = as("coordinator-" + TERRITORY).get("/api/pathways/" + pathwayId).body().path("version").asLong();
        assertThat(version).as("every acknowledged update is stored, none lost").isEqualTo(1 + ok.get());

        // A rule under contention: eight simultaneous exits, exactly one wins.
        CountDownLatch exitGo = new CountDownLatch(1);
        List<Future<Integer>> exits = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            exits.add(pool.submit(() -> {
                exitGo.await();
                return cip.post("/api/pathways/" + pathwayId + "/exit",
                        "{\"date\":\"%s\",\"reason\":\"CDI\"}".formatted(START.plusMonths(3))).status();
            }));
        }
        exitGo.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : exits) {
            statuses.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).as("exits accepted " + statuses).isEqualTo(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 422);
        long exitsStored = PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(), PATHWAY_TOPIC))
                .countFor(pathwayId, "ParticipantExited");
        await().atMost(Duration.ofSeconds(30)).until(() -> PublishedStream.of(TopicReader.readAll(platform.kafkaBootstrap(),
                PATHWAY_TOPIC)).countFor(pathwayId, "ParticipantExited") == 1);
        report.put("concurrency", threads + " clients, " + ok.get() + " updates acknowledged = stored; "
                + threads + " simultaneous exits → 1 accepted " + statuses + (exitsStored > 1 ? " (!)" : ""));
    }

    private static String open(Api cip, String participant, String aci) {
        Api.Reply r = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(participant, aci, START, START.plusMonths(20)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("pathwayId").asText();
    }

    /** One person's journey per iteration; what the client was told is recorded for the reconciliation. */
    private static void clientLoop(int client, AtomicBoolean running) {
        String aci = aciOf(client);
        Api cip = as("cip-" + aci);
        Random random = new Random(client);
        while (running.get()) {
            Api.Reply person = cip.post("/api/participants", """
                    {"firstName":"Fiabilité","lastName":"Client%d","birthDate":"1980-01-01","referentId":"cip-%s","aciId":"%s"}"""
                    .formatted(client, aci, aci));
            if (!answered(person)) {
                continue;
            }
            if (person.status() != 201) {
                refused.incrementAndGet();
                continue;
            }
            String participant = person.body().get("participantId").asText();
            registered.put(participant, aci);
            Api.Reply opened = cip.post("/api/pathways", """
                    {"participantId":"%s","aciId":"%s","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                    .formatted(participant, aci, START, START.plusMonths(20)));
            if (!answered(opened) || opened.status() != 201) {
                if (answered(opened)) {
                    refused.incrementAndGet();
                }
                continue; // an unanswered open may have created a pathway: the reconciliation finds it in the store
            }
            acknowledged.incrementAndGet();
            String id = opened.body().get("pathwayId").asText();
            int[] outcome = outcomes.computeIfAbsent(id, k -> new int[2]);
            outcome[0]++;
            List<String[]> steps = new ArrayList<>();
            steps.add(new String[] {"/barriers", "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"PARTNER\"}".formatted(START.plusDays(5))});
            // issue 18: where the person came from and the accompaniment, reconciled with the national figures
            steps.add(new String[] {"/entry-profile", ("{\"date\":\"%s\",\"housing\":\"STREET\",\"withoutHousing\":\"YEARS_1_TO_2\","
                    + "\"referredBy\":\"STREET_OUTREACH\",\"healthCover\":\"NONE\",\"rightsAtEntry\":[],"
                    + "\"withoutWork\":\"OVER_5_YEARS\"}").formatted(START)});
            steps.add(new String[] {"/accompaniments", "{\"date\":\"%s\",\"kind\":\"INTERVIEW\",\"length\":\"MINUTES_30_TO_60\",\"participants\":[\"PARTICIPANT\",\"CIP\"]}"
                    .formatted(START.plusDays(6))});
            for (int i = 1; i <= 3; i++) {
                steps.add(new String[] {"/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(10 + i))});
            }
            if (random.nextBoolean()) {
                steps.add(new String[] {"/exit", "{\"date\":\"%s\",\"reason\":\"CDI\",\"housingAtExit\":\"DURABLE_HOUSING\"}".formatted(START.plusDays(30))});
                steps.add(new String[] {"/follow-up/contacts", "{\"date\":\"%s\",\"employment\":\"CDI\",\"housing\":\"DURABLE_HOUSING\"}"
                        .formatted(START.plusDays(30).plusMonths(1))});
            }
            for (String[] step : steps) {
                if (!running.get()) {
                    break;
                }
                pace();
                Api.Reply r = cip.post("/api/pathways/" + id + step[0], step[1]);
                if (r.status() == 200) {
                    outcome[0]++;
                    acknowledged.incrementAndGet();
                } else if (!answered(r)) {
                    outcome[1]++; // no answer: the command may or may not have been stored
                } else {
                    refused.incrementAndGet();
                }
            }
        }
    }

    /** A steady load, not a flood: the short version must settle within the test command's time. */
    private static void pace() {
        try {
            Thread.sleep(Long.getLong("reliability.pauseMillis", 40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the outcome is unknown (no answer, a 5xx: a process was down); pauses a little then. */
    private static boolean answered(Api.Reply r) {
        if (r.status() == -1 || r.status() >= 500) {
            unknown.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        return true;
    }

    private static Map<String, Long> storedVersions() {
        Api coordinator = as("coordinator-" + TERRITORY);
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

    private static boolean awaitQuietly(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(2000);
        }
        return condition.getAsBoolean();
    }

    /** A pathway topic as read back, deduplicated by event id (a redelivery is the same event, not a new one). */
    record PublishedStream(Map<String, List<Long>> sequencesByPathway, Map<String, String> participantByPathway,
                           Map<String, Map<String, Integer>> typesByPathway, int distinct, int duplicates) {

        static PublishedStream of(List<ConsumerRecord<String, String>> records) throws Exception {
            Map<String, List<Long>> sequences = new HashMap<>();
            Map<String, String> participants = new HashMap<>();
            Map<String, Map<String, Integer>> types = new HashMap<>();
            Set<String> ids = new java.util.HashSet<>();
            int duplicates = 0;
            for (ConsumerRecord<String, String> r : records) {
                JsonNode e = Api.JSON.readTree(r.value());
                if (!ids.add(e.get("eventId").asText())) {
                    duplicates++;
                    continue;
                }
                String pathway = e.get("pathwayId").asText();
                sequences.computeIfAbsent(pathway, k -> new ArrayList<>()).add(e.get("sequence").asLong());
                participants.put(pathway, e.get("participantId").asText());
                types.computeIfAbsent(pathway, k -> new HashMap<>()).merge(e.get("type").asText(), 1, Integer::sum);
            }
            return new PublishedStream(sequences, participants, types, ids.size(), duplicates);
        }

        List<Long> sequences(String pathway) {
            return sequencesByPathway.getOrDefault(pathway, List.of());
        }

        Set<String> pathways() {
            return sequencesByPathway.keySet();
        }

        Set<String> participants() {
            return new java.util.HashSet<>(participantByPathway.values());
        }

        Set<String> participantsWith(String type) {
            Set<String> result = new java.util.HashSet<>();
            typesByPathway.forEach((pathway, counts) -> {
                if (counts.containsKey(type)) {
                    result.add(participantByPathway.get(pathway));
                }
            });
            return result;
        }

        long count(String type) {
            return typesByPathway.values().stream().mapToLong(c -> c.getOrDefault(type, 0)).sum();
        }

        long countFor(String pathway, String type) {
            return typesByPathway.getOrDefault(pathway, Map.of()).getOrDefault(type, 0);
        }
    }
}
