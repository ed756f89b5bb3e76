package fr.convergence.reporting;

import com.mongodb.client.MongoDatabase;
import fr.convergence.reporting.ingest.Streams;
import fr.convergence.reporting.support.PathwayStream;
import fr.convergence.reporting.support.ReportingIntegrationTest;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.ApiFuzzer;
import fr.convergence.testing.Http;
import fr.convergence.testing.StoreDigest;
import fr.convergence.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Issue #10, item 4: every route of the OpenAPI document gets malformed, oversized, wrongly typed, out-of-range and
 * injection-shaped path variables, query parameters and bodies ({@link ApiFuzzer}), as a caller the access matrix
 * admits, against real figures of that caller's own territory and ACI. Never a 5xx, every refusal problem+json, no
 * write accepted from invalid input, and the whole database byte-for-byte what it was.
 *
 * <p>Twice: once as the widest caller each route admits (national team, administrator), so that bad input reaches
 * the parameter parsing and the store for any territory; once as the narrowest one (CIP, coordinator, partnership
 * officer of paris), so that it also goes through the territory and ACI rules. {@code -Dfuzz.seed=N} replays
 * another seed.
 *
 * <p>The store digest covers every collection but one: {@code evaluation_downloads}, the record of every download of the
 * evaluation extract (issue 19 item 5), which a successful download writes by design. No other read writes anything,
 * and the live projections change only when events arrive, so the digest waits until the live consumer has committed every
 * record of every territory's streams and no rebuild runs — nothing is produced during the fuzz, nothing stopped.
 */
class ApiFuzzTest extends ReportingIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int PER_OPERATION = 20;
    private static final String SERVICE = "reporting-service";
    /** Widest scope first: national callers read any territory, so bad codes reach parsing and the store. */
    private static final List<String> WIDEST_FIRST = List.of("national-analyst", "auditor", "admin", "coordinator",
            "partnership-officer", "cip");

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoDatabase database;

    @Value("${reporting.ingest.group-id}")
    String liveGroup;

    @Test
    void everyRouteRefusesBadInputWithAProblemAndLeavesTheStoreAsItWas() {
        Map<String, String> ids = createFixtures();
        JsonNode routes = matrixRoutes();
        AccessMatrix matrix = AccessMatrix.load(SERVICE, "access-matrix.yml");
        Map<String, String> widest = rolesAllowedOwn(routes, WIDEST_FIRST);
        Map<String, String> narrowest = rolesAllowedOwn(routes, narrowestFirst());
        Map<String, String> before = operations();
        String generationBefore = generation();

        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> pass : Map.of("widest role", widest, "narrowest role", narrowest)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Function<String, String> callerFor = route -> {
                String role = pass.getValue().get(route);
                if (role == null) {
                    fail("route %s of the OpenAPI document has no role allowed for 'own' in access-matrix.yml", route);
                }
                return matrix.token(role);
            };
            ApiFuzzer.Report report = new ApiFuzzer(SERVICE, new Http(port), SEED)
                    .fuzz(callerFor, ids, this::quietDigest, PER_OPERATION);
            lines.add("%s fuzz (%s, seed %d): %d requests, statuses %s".formatted(SERVICE, pass.getKey(), SEED,
                    report.requests(), report.statuses()));
            assertThat(report.requests()).as("requests sent").isPositive();
        }
        lines.forEach(System.out::println);

        // POST /rebuilds takes no input, so the fuzzer has nothing to send it: no rebuild was started.
        assertThat(operations()).as("rebuild state after the fuzz").isEqualTo(before);
        assertThat(generation()).as("active generation after the fuzz").isEqualTo(generationBefore);
    }

    /**
     * Figures of paris and its ACI aci-paris-1 (the matrix's "own" callers), through the real streams, with every
     * kind of fact the views and exports compute from, and a dead letter for the retry route.
     */
    private Map<String, String> createFixtures() {
        publish(PathwayStream.hired("paris", "aci-paris-1", "PHC", "2037-01-10", 4)
                        .event("WeeklyHoursChanged", "2037-02-01", Map.of("fromHours", 4, "toHours", 8))
                        .event("ProgrammeTransitioned", "2037-04-01", Map.of("from", "PHC", "to", "CVG",
                                "plannedEnd", "2038-04-01", "weeklyHours", 20))
                        .hours("2037-04", 80).exited("2037-09-01", "DURABLE_EMPLOYMENT", "CDI", 8),
                PathwayStream.hired("paris", "aci-paris-1", "CVG", "2037-02-10", 20).hours("2037-02", 60),
                PathwayStream.hired("paris", "aci-paris-2", "PHC", "2037-03-10", 12));
        awaitView("/api/reporting/territories/paris/acis/aci-paris-1?from=2037-01&to=2037-12",
                v -> v.path("totals").path("entered").asLong() == 2 && v.path("totals").path("exited").asLong() == 1);

        String topic = "convergence.paris.pathway.v1";
        send(topic, "fuzz", "{\"fuzz\":true}");
        String deadLetter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterOn(topic), Optional::isPresent)
                .orElseThrow();
        // A frozen report of paris, so that the report routes are fuzzed against one that exists.
        Http.Response frozen = as("coordinator", "paris", null).post("/api/reporting/frozen-reports",
                "{\"territory\":\"paris\",\"period\":\"2021-06\"}");
        assertThat(frozen.status()).as(frozen.raw()).isIn(201, 409);
        return ApiFuzzer.ids("code", "paris", "aciId", "aci-paris-1", "id", deadLetter, "reportId",
                "paris~2021-06~1");
    }

    private Optional<String> deadLetterOn(String topic) {
        return StreamSupport.stream(get(admin, "/api/reporting/dead-letters?status=PARKED").path("items").spliterator(), false)
                .filter(d -> d.path("topic").asString().equals(topic)
                        && d.path("value").asString().equals("{\"fuzz\":true}"))
                .map(d -> d.path("id").asString()).findFirst();
    }

    private static List<String> narrowestFirst() {
        List<String> roles = new ArrayList<>(WIDEST_FIRST);
        java.util.Collections.reverse(roles);
        return roles;
    }

    /** The access rules, read here only to pick callers: AccessMatrixTest checks them. */
    private static JsonNode matrixRoutes() {
        try (InputStream in = ApiFuzzTest.class.getClassLoader().getResourceAsStream("access-matrix.yml")) {
            return YAMLMapper.builder().build().readTree(in).get("routes");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For every route the service maps, the first role in {@code preference} the matrix allows for "own". */
    private Map<String, String> rolesAllowedOwn(JsonNode routes, List<String> preference) {
        Map<String, String> roles = new TreeMap<>();
        for (String route : AccessMatrix.routesOf(context)) {
            JsonNode expect = routes.path(route).path("expect");
            String role = preference.stream()
                    .filter(r -> expect.path(r).path(0).asString("").equals("allow"))
                    .findFirst().orElse(null);
            assertThat(role).as("a role allowed for 'own' on %s in access-matrix.yml", route).isNotNull();
            roles.put(route, role);
        }
        return roles;
    }

    /** The database digest, taken once nothing can change it but a request (see the class comment). */
    private String quietDigest() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                !rebuildRunning() && liveConsumerLag() == 0);
        return StoreDigest.of(TestInfrastructure.mongoUri(), database.getName(), Set.of("evaluation_downloads"));
    }

    private boolean rebuildRunning() {
        Http.Response r = admin.get("/api/reporting/rebuilds/current");
        return r.status() != 404 && r.body().path("state").asString().matches("STARTING|RUNNING");
    }

    /** Records on the territories' streams that the live consumer has not committed yet. */
    private long liveConsumerLag() {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            Set<String> topics = kafka.listTopics().names().get().stream().filter(Streams::matches)
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            kafka.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions().forEach(p ->
                    latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(liveGroup)
                    .partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (var end : kafka.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> operations() {
        Http.Response r = admin.get("/api/reporting/rebuilds/current");
        return Map.of("status", String.valueOf(r.status()), "body", r.status() == 404 ? "" : r.raw());
    }

    private String generation() {
        return get("/api/reporting/territories").path("generation").asString();
    }
}
