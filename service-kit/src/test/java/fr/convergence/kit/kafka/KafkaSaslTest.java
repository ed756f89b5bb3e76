package fr.convergence.kit.kafka;

import fr.convergence.testing.SecuredKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21 finding 6, on a real broker whose client listener takes only SASL and whose authorizer denies what no ACL
 * allows: the platform's clients, given their principal by configuration, publish and consume under the ACLs of
 * deploy/kafka-acls.md; a client without credentials, or with a wrong password, is refused; a principal is denied the
 * topic of another territory.
 */
class KafkaSaslTest {

    static final String PARIS_PATHWAY = "convergence.paris.pathway.v1";
    static final String LYON_PATHWAY = "convergence.lyon.pathway.v1";
    /** A password Kafka's JAAS parser would cut short without the escaping of KafkaClients. */
    static final String PATHWAY_PASSWORD = "pa\"th\\way; secret=1";
    static final String PARTNERSHIP_PASSWORD = "partnership-paris-secret";

    static SecuredKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = SecuredKafka.start();
        kafka.addPrincipal("pathway-paris", PATHWAY_PASSWORD);
        kafka.addPrincipal("partnership-paris", PARTNERSHIP_PASSWORD);
        kafka.createTopics(PARIS_PATHWAY, LYON_PATHWAY);
        // deploy/kafka-acls.md, territory paris: the producer writes its own topic, idempotently
        kafka.allow("pathway-paris", ResourceType.TOPIC, PARIS_PATHWAY, false, AclOperation.WRITE, AclOperation.DESCRIBE);
        kafka.allow("pathway-paris", ResourceType.CLUSTER, "kafka-cluster", false, AclOperation.IDEMPOTENT_WRITE);
        // partnership-paris reads paris pathway events only, in its own group
        kafka.allow("partnership-paris", ResourceType.TOPIC, PARIS_PATHWAY, false, AclOperation.READ, AclOperation.DESCRIBE);
        kafka.allow("partnership-paris", ResourceType.GROUP, "partnership-service.paris", false, AclOperation.READ);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    static KafkaClients as(String user, String password) {
        return new KafkaClients(kafka.bootstrapServers(), new KafkaSettings(SecuredKafka.scramClientSettings(), user, password));
    }

    static OutgoingRecord record(String topic, String eventId) {
        return new OutgoingRecord(topic, "PWY-1", eventId, "corr-" + eventId, "{\"eventId\":\"" + eventId + "\"}");
    }

    @Test
    void thePlatformsPrincipalsPublishAndConsumeUnderTheirAcls() throws Exception {
        try (IntegrationEventPublisher publisher = new IntegrationEventPublisher(as("pathway-paris", PATHWAY_PASSWORD),
                new SimpleMeterRegistry())) {
            publisher.publish(List.of(record(PARIS_PATHWAY, "e-published")));
        }
        Properties own = new Properties();
        own.put("group.id", "partnership-service.paris");
        own.put("auto.offset.reset", "earliest");
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = as("partnership-paris", PARTNERSHIP_PASSWORD).consumer(own)) {
            consumer.subscribe(List.of(PARIS_PATHWAY));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    read.add(r.value());
                }
            }
            consumer.commitSync();   // the group's offsets: Read on the group is enough
        }
        assertThat(read).containsExactly("{\"eventId\":\"e-published\"}");
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        IntegrationEventPublisher anonymous = new IntegrationEventPublisher(KafkaClients.plaintext(kafka.bootstrapServers()),
                new SimpleMeterRegistry());
        try (anonymous) {
            assertThatThrownBy(() -> anonymous.publish(List.of(record(PARIS_PATHWAY, "e-anonymous"))))
                    .isInstanceOf(IntegrationEventPublisher.PublicationFailedException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedByTheBroker() {
        try (IntegrationEventPublisher publisher = new IntegrationEventPublisher(as("pathway-paris", "guessed"),
                new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> publisher.publish(List.of(record(PARIS_PATHWAY, "e-guessed"))))
                    .isInstanceOf(IntegrationEventPublisher.PublicationFailedException.class)
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aPrincipalIsDeniedAnotherTerritorysTopic() {
        try (IntegrationEventPublisher publisher = new IntegrationEventPublisher(as("pathway-paris", PATHWAY_PASSWORD),
                new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> publisher.publish(List.of(record(LYON_PATHWAY, "e-lyon"))))
                    .isInstanceOf(IntegrationEventPublisher.PublicationFailedException.class)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        Properties own = new Properties();
        own.put("group.id", "partnership-service.paris");
        try (KafkaConsumer<String, String> consumer = as("partnership-paris", PARTNERSHIP_PASSWORD).consumer(own)) {
            consumer.assign(List.of(new TopicPartition(LYON_PATHWAY, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(LYON_PATHWAY, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(LYON_PATHWAY);
        }
    }

}
