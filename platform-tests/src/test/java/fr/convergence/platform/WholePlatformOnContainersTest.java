package fr.convergence.platform;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.nio.file.Files;

/**
 * The same scenarios on real {@code mongo} (a single-node replica set) and {@code kafka} images. Skipped, with
 * JUnit's "Docker is not available" message, where no Docker engine runs (as on the project's build machines).
 */
@Testcontainers(disabledWithoutDocker = true)
class WholePlatformOnContainersTest extends PlatformScenarios {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @BeforeAll
    static void start() throws Exception {
        startServices(new Platform(Files.createTempDirectory("e2e-containers"), MONGO.getReplicaSetUrl(),
                KAFKA.getBootstrapServers()), false);
    }
}
