package fr.convergence.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Real infrastructure for service tests, started once per test JVM: an Apache Kafka broker in KRaft mode (the
 * real broker, in-process) and a MongoDB-wire server reached through the official driver on a TCP port.
 */
public final class TestInfrastructure {

    private static MongoServer mongo;
    private static EmbeddedKafkaKraftBroker kafka;
    private static String mongoUri;

    private TestInfrastructure() {
    }

    public static synchronized void start() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        }
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.kafkaPorts(0);
            kafka.brokerProperty("auto.create.topics.enable", "true");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
    }

    public static String mongoUri() {
        start();
        return mongoUri;
    }

    public static String kafkaBootstrap() {
        start();
        return kafka.getBrokersAsString();
    }

    /** Points a Spring test context at this infrastructure, with its own database and territory. */
    public static void register(DynamicPropertyRegistry registry, String database, String territory) {
        start();
        registry.add("convergence.mongodb-uri", TestInfrastructure::mongoUri);
        registry.add("convergence.mongodb-database", () -> database);
        registry.add("convergence.kafka-bootstrap-servers", TestInfrastructure::kafkaBootstrap);
        registry.add("convergence.territory", () -> territory);
        registry.add("convergence.security.issuer", () -> TestIssuer.get().issuer());
        registry.add("convergence.security.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
    }

    /** A database name unique to one test class, so that classes sharing the JVM never see each other's data. */
    public static String uniqueDatabase(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads every record currently on the topics matching {@code pattern}, from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(Pattern pattern, int expectedAtLeast, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(pattern);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && records.size() < expectedAtLeast) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // one more short poll to catch anything beyond the expected count (duplicates would show here)
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
