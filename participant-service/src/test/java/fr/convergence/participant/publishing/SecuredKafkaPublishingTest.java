package fr.convergence.participant.publishing;

import fr.convergence.contracts.Topics;
import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.Http;
import fr.convergence.testing.SecuredKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 finding 6, end to end: participant-service started against a broker that takes only SASL and denies what no
 * ACL allows, with nothing but its configuration (convergence.kafka.*, i.e. KAFKA_SECURITY_PROTOCOL,
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME/PASSWORD) and the ACLs deploy/kafka-acls.md gives its principal
 * {@code participant}: a person registered over HTTP reaches the territory's participant topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecuredKafkaPublishingTest {

    static final String PASSWORD = UUID.randomUUID().toString();
    static final SecuredKafka KAFKA = startBroker();

    /** The broker, the principal and the ACLs of kafka-acls.md for every territory participant-service seeds. */
    static SecuredKafka startBroker() {
        try {
            SecuredKafka kafka = SecuredKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kafka.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
            kafka.addPrincipal("participant", PASSWORD);
            List<String> topics = new ArrayList<>();
            try (InputStream seed = SecuredKafkaPublishingTest.class.getResourceAsStream("/reference/seed-territories.json")) {
                for (JsonNode territory : JsonMapper.builder().build().readTree(seed).get("territories")) {
                    topics.add(Topics.participant(territory.get("code").asString()));
                }
            }
            kafka.createTopics(topics.toArray(String[]::new));
            for (String topic : topics) {
                kafka.allow("participant", ResourceType.TOPIC, topic, false, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            kafka.allow("participant", ResourceType.CLUSTER, "kafka-cluster", false, AclOperation.IDEMPOTENT_WRITE);
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("secured broker did not start", e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_sasl");
        registry.add("convergence.kafka-bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("convergence.kafka.properties[security.protocol]", () -> "SASL_PLAINTEXT");
        registry.add("convergence.kafka.properties[sasl.mechanism]", () -> "SCRAM-SHA-512");
        registry.add("convergence.kafka.sasl-username", () -> "participant");
        registry.add("convergence.kafka.sasl-password", () -> PASSWORD);
    }

    @LocalServerPort
    int port;

    @Test
    void aRegistrationIsPublishedWithTheServicesOwnPrincipal() {
        Http.Response registered = new Http(port).as(Tokens.cip("aci-paris-1"))
                .post("/api/participants", registerBody("Lina", TestService.randomName("Sasl"), "aci-paris-1"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String id = registered.text("participantId");

        Properties p = KAFKA.adminProperties();
        p.put("group.id", "reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<String> published = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(p)) {
            reader.subscribe(List.of(Topics.participant("paris")));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (published.stream().noneMatch(v -> v.contains(id)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(500))) {
                    published.add(r.value());
                }
            }
        }
        assertThat(published).as("the registration on convergence.paris.participant.v1")
                .anySatisfy(v -> assertThat(v).contains(id).contains("ParticipantRegistered"));
    }
}
