package fr.convergence.reporting.support;

import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One application context for every integration test (same properties, so Spring caches it): the real Kafka
 * broker and MongoDB-wire server of {@link TestInfrastructure}. Tests stay apart by using their own territory
 * codes and months, since the consumer reads every territory's topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReportingIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = TestInfrastructure.uniqueDatabase("reporting");
    private static final String GROUP = "reporting-test-" + UUID.randomUUID();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    /** No token at all. */
    protected Http anonymous;
    /** The national team: reads every view and export. */
    protected Http analyst;
    /** Operations: rebuilds and dead letters. */
    protected Http admin;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, "national");
        registry.add("reporting.ingest.group-id", () -> GROUP);
        registry.add("reporting.ingest.metadata-max-age-ms", () -> "1000");
    }

    @BeforeEach
    void clients() {
        anonymous = new Http(port);
        analyst = as("national-analyst", null, null);
        admin = as("admin", null, null);
    }

    /** A client calling with a valid token of this role (territory and ACI may be null). */
    protected Http as(String role, String territory, String aci) {
        return anonymous.as(token(role, territory, aci));
    }

    protected static String token(String role, String territory, String aci) {
        return TestIssuer.get().token(role, territory, aci);
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** A territory code no other test uses. */
    protected static String territory(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    protected static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void publish(PathwayStream... streams) {
        for (PathwayStream s : streams) {
            for (String record : s.records()) {
                send(s.topic(), s.participantId, record);
            }
        }
    }

    protected static void publish(ParticipantStream stream) {
        for (String[] record : stream.records()) {
            send(stream.topic(), record[0], record[1]);
        }
    }

    /** A view as the national team reads it. */
    protected JsonNode get(String path) {
        return get(analyst, path);
    }

    protected static JsonNode get(Http caller, String path) {
        Http.Response response = caller.get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.raw());
        }
        return response.body();
    }

    /** Waits until the view at {@code path} satisfies the condition, and returns it. */
    protected JsonNode awaitView(String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = get(path);
            return condition.test(last[0]);
        });
        return last[0];
    }
}
