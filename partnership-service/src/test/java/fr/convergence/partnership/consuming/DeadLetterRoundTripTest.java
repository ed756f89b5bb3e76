package fr.convergence.partnership.consuming;

import fr.convergence.partnership.KafkaTopics;
import fr.convergence.partnership.PartnershipApplication;
import fr.convergence.partnership.PathwayEvents;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #10 item 5, end to end on the real broker and store: an instance whose barrier → partner domain table lacks
 * an entry parks the pathway event it cannot apply (dead letter with its reason, visible to the administrator, counted
 * by {@code partnership.pathway.events.dead_lettered}) and goes on with the next events of the same partition; the
 * table is fixed and the service redeployed (a second instance on the same database and consumer group); the
 * administrator's retry then applies the parked event, once.
 */
class DeadLetterRoundTripTest {

    private static final String TERRITORY = "toulouse";
    private static final String TOPIC = "convergence.toulouse.pathway.v1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    private static final Pattern DEAD_LETTERED =
            Pattern.compile("(?m)^partnership_pathway_events_dead_lettered_total\\{[^}]*} (\\S+)$");

    private final String database = TestInfrastructure.uniqueDatabase("partnership_dlq");
    private final String group = "partnership-dlq-" + UUID.randomUUID().toString().substring(0, 8);
    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void aPoisonEventIsParkedWithItsReasonTheOthersGoOnAndARetryAfterTheFixAppliesIt() throws Exception {
        String participant = "PSN-dlq-" + UUID.randomUUID().toString().substring(0, 8);
        String pathway = UUID.randomUUID().toString();
        String poison = PathwayEvents.barrierAssessed(TERRITORY, participant, pathway, 0, "FAMILY_CHILDCARE", "PARTNER",
                TODAY.minusDays(4));
        String letterId;

        // 1. deployed with a table that lacks FAMILY_CHILDCARE
        try (ConfigurableApplicationContext before = start(List.of(
                "--partnership.barrier-domains[0].barrier=HOUSING", "--partnership.barrier-domains[0].partner=HOUSING",
                "--partnership.barrier-domains[1].barrier=HEALTH", "--partnership.barrier-domains[1].partner=HEALTH"))) {
            Http admin = as(before, issuer.token("admin", null, null));
            Http officer = as(before, issuer.token("partnership-officer", TERRITORY, null));
            assertThat(deadLettered(before)).isZero();

            // same key, so the same partition: the good events come after the poison one
            KafkaTopics.produce(TOPIC, participant, poison);
            KafkaTopics.produce(TOPIC, participant, PathwayEvents.barrierAssessed(TERRITORY, participant, pathway, 1,
                    "HOUSING", "PARTNER", TODAY.minusDays(3)));
            KafkaTopics.produce(TOPIC, participant, PathwayEvents.barrierAssessed(TERRITORY, participant, pathway, 2,
                    "HEALTH", "BOTH", TODAY.minusDays(2)));

            eventually().until(() -> "OPEN".equals(need(officer, participant, "HEALTH")));
            assertThat(need(officer, participant, "HOUSING")).as("the event right after the poison").isEqualTo("OPEN");
            assertThat(need(officer, participant, "FAMILY_CHILDCARE")).isEqualTo("NONE");

            List<JsonNode> parked = lettersOf(admin, participant);
            assertThat(parked).singleElement().satisfies(d -> {
                assertThat(d.get("reason").asString())
                        .isEqualTo("barrier domain FAMILY_CHILDCARE is not in the domain mapping table");
                assertThat(d.get("status").asString()).isEqualTo("PARKED");
                assertThat(d.get("topic").asString()).isEqualTo(TOPIC);
                assertThat(d.get("value").asString()).isEqualTo(poison);
            });
            letterId = parked.get(0).get("id").asString();
            assertThat(deadLettered(before)).as("counted once").isEqualTo(1.0);

            // a retry before the fix fails the same way and leaves it parked
            Http.Response early = admin.post("/api/partnerships/dead-letters/" + letterId + "/retry", "");
            assertThat(early.status()).as(early.raw()).isEqualTo(422);
            assertThat(early.rule()).isEqualTo("dead-letter-still-failing");
            assertThat(lettersOf(admin, participant).get(0).get("status").asString()).isEqualTo("PARKED");

            // the redeployment must not see these records again: wait for the consumer's commit
            eventually().until(this::everythingCommitted);
        }

        // 2. the table is fixed (the shipped reference data maps FAMILY_CHILDCARE → CHILDCARE) and the service redeployed
        try (ConfigurableApplicationContext after = start(List.of())) {
            Http admin = as(after, issuer.tokenFor("admin-ops-1", "admin", null, null));
            Http officer = as(after, issuer.token("partnership-officer", TERRITORY, null));

            Http.Response retry = admin.post("/api/partnerships/dead-letters/" + letterId + "/retry", "");
            assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
            assertThat(retry.body().get("outcome").asString()).isEqualTo("APPLIED");
            assertThat(need(officer, participant, "FAMILY_CHILDCARE")).isEqualTo("OPEN");
            assertThat(need(officer, participant, "HOUSING")).isEqualTo("OPEN");
            assertThat(lettersOf(admin, participant)).singleElement().satisfies(d -> {
                assertThat(d.get("status").asString()).isEqualTo("REPROCESSED");
                assertThat(d.get("lastActionBy").asString()).isEqualTo("admin-ops-1");
            });
            Http.Response again = admin.post("/api/partnerships/dead-letters/" + letterId + "/retry", "");
            assertThat(again.status()).as("a letter is reprocessed once").isEqualTo(409);
            assertThat(again.isProblem()).isTrue();
            assertThat(deadLettered(after)).as("nothing parked again after the fix").isZero();
        }
    }

    private ConfigurableApplicationContext start(List<String> overrides) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--convergence.mongodb-uri=" + TestInfrastructure.mongoUri(),
                "--convergence.mongodb-database=" + database,
                "--convergence.kafka-bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "--convergence.territory=" + TERRITORY,
                "--convergence.security.issuer=" + issuer.issuer(),
                "--convergence.security.jwk-set-uri=" + issuer.jwkSetUri(),
                "--partnership.consumer.group-id=" + group,
                "--partnership.consumer.metadata-max-age-ms=1000"));
        args.addAll(overrides);
        return new SpringApplicationBuilder(PartnershipApplication.class).run(args.toArray(String[]::new));
    }

    private static Http as(ConfigurableApplicationContext context, String token) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort()).as(token);
    }

    private static double deadLettered(ConfigurableApplicationContext context) {
        String scrape = as(context, null).get("/actuator/prometheus").raw();
        Matcher m = DEAD_LETTERED.matcher(scrape);
        assertThat(m.find()).as("the dead-letter counter is exported").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String need(Http officer, String participant, String barrier) {
        Http.Response r = officer.get("/api/partnerships/participants/" + participant + "/needs");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode n : r.body().get("needs")) {
            if (n.get("barrierDomain").asString().equals(barrier)) {
                return n.get("status").asString();
            }
        }
        return "NONE";
    }

    private static List<JsonNode> lettersOf(Http admin, String key) {
        Http.Response r = admin.get("/api/partnerships/dead-letters?size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().get("items").spliterator(), false)
                .filter(d -> d.get("key") != null && key.equals(d.get("key").asString())).toList();
    }

    /** Whether the consumer group committed up to the end of every partition of the topic. */
    private boolean everythingCommitted() throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = kafka.listOffsets(latest).all().get();
            return !committed.isEmpty() && committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null && e.getValue().offset() >= ends.get(e.getKey()).offset());
        }
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200));
    }
}
