package fr.convergence.kit.kafka;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.deadletter.DeadLetter;
import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.testing.TestInfrastructure;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * service-kit's one consumer loop on the tests' real broker and a real dead-letter store: offsets are committed only
 * past records the handler finished; a poison record is parked and the loop goes on; a transient failure is retried
 * until it applies, in order, and never parked; close() ends the thread; a territory learnt while running gets its
 * loop.
 */
class ConsumerLoopTest {

    /** The handler's word for a record that can never apply: parked with this reason. */
    static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message);
        }
    }

    static final Optional<DeadLetterReplay.Failure> poison(RuntimeException failure) {
        return failure instanceof Unusable u ? Optional.of(new DeadLetterReplay.Failure("unusable", u.getMessage()))
                : Optional.empty();
    }

    static KafkaClients kafka;
    static KafkaProducer<String, String> producer;
    static Admin admin;
    static MongoClient mongo;

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String topic = "loop-test-" + id;
    final String group = "loop-test-group-" + id;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeadLetterStore deadLetters = new DeadLetterStore(mongo.getDatabase("loop_" + id), meters, Clock.systemUTC());
    final List<String> handled = new CopyOnWriteArrayList<>();
    ConsumerLoop loop;

    @BeforeAll
    static void connect() {
        kafka = KafkaClients.plaintext(TestInfrastructure.kafkaBootstrap());
        Properties p = new Properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = kafka.producer(p);
        admin = kafka.admin(new Properties());
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
        mongo.close();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    ConsumerLoop loopOf(String topic, ConsumerLoop.RecordHandler handler) {
        return new ConsumerLoop(kafka, ConsumerLoop.Reading.topics(group, 200, 500, topic),
                new ConsumerLoop.Handling(handler, ConsumerLoopTest::poison, deadLetters, "loop-test"),
                new ConsumerLoop.Counting(meters, "loop.test.events", Tags.of("territory", "test"), List.of()),
                "loop-test-" + topic, false);
    }

    /** Sends each value under one key, so that they are one partition's records in this order; returns the partition. */
    int send(String... values) throws Exception {
        int partition = -1;
        for (String value : values) {
            partition = producer.send(new ProducerRecord<>(topic, "same-key", value)).get().partition();
        }
        return partition;
    }

    /** The group's committed offset on the partition, or -1 for none. */
    long committed(int partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata o = offsets.get(new TopicPartition(topic, partition));
        return o == null ? -1 : o.offset();
    }

    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    @Test
    void offsetsAreCommittedOnlyPastWhatTheHandlerFinished() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop = loopOf(topic, r -> {
            if (r.value().equals("slow")) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handled.add(r.value());
            return "applied";
        }).start();
        int partition = send("first", "slow", "last");

        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(committed(partition)).as("nothing committed past the record being handled").isLessThanOrEqualTo(1);

        release.countDown();
        eventually().until(() -> committed(partition) == 3);
        assertThat(handled).containsExactly("first", "slow", "last");
        assertThat(meters.counter("loop.test.events", "territory", "test", "outcome", "applied").count()).isEqualTo(3);
    }

    @Test
    void aPoisonRecordIsParkedWithItsReasonAndTheLoopGoesOn() throws Exception {
        loop = loopOf(topic, r -> {
            if (r.value().startsWith("poison")) {
                throw new Unusable("cannot apply " + r.value());
            }
            handled.add(r.value());
            return "applied";
        }).start();
        int partition = send("before", "poison-1", "after");

        eventually().until(() -> committed(partition) == 3);
        assertThat(handled).containsExactly("before", "after");
        DeadLetter letter = deadLetters.find(DeadLetter.idOf(topic, partition, 1)).orElseThrow();
        assertThat(letter.consumer()).isEqualTo("loop-test");
        assertThat(letter.reason()).isEqualTo("unusable");
        assertThat(letter.detail()).isEqualTo("cannot apply poison-1");
        assertThat(letter.value()).isEqualTo("poison-1");
        assertThat(letter.status()).isEqualTo(DeadLetter.PARKED);
        assertThat(deadLetters.list(null)).hasSize(1);
        assertThat(meters.counter("loop.test.events.dead_lettered", "territory", "test").count()).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedUntilItAppliesInOrderAndIsNeverParked() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> committedWhileFailing = new CopyOnWriteArrayList<>();
        int[] partitionOf = new int[1];
        loop = loopOf(topic, r -> {
            if (r.value().equals("flaky") && attempts.incrementAndGet() <= 2) {
                try {
                    committedWhileFailing.add(committed(partitionOf[0]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("store away");   // not Unusable: transient
            }
            handled.add(r.value());
            return "applied";
        });
        partitionOf[0] = send("one", "flaky", "three");
        loop.start();

        eventually().until(() -> committed(partitionOf[0]) == 3);
        assertThat(attempts.get()).as("two failures, then the third attempt applies").isEqualTo(3);
        assertThat(handled).containsExactly("one", "flaky", "three");
        assertThat(committedWhileFailing).allSatisfy(offset -> assertThat(offset).isLessThanOrEqualTo(1));
        assertThat(deadLetters.list(null)).isEmpty();
    }

    @Test
    void closeStopsTheThread() throws Exception {
        loop = loopOf(topic, r -> {
            handled.add(r.value());
            return "applied";
        }).start();
        send("one");
        eventually().until(() -> handled.contains("one"));
        assertThat(loop.alive()).isTrue();

        loop.close();

        assertThat(loop.alive()).isFalse();
    }

    @Test
    void aTerritoryLearntWhileRunningGetsItsOwnLoopAndCloseStopsThemAll() throws Exception {
        ServedTerritories served = new ServedTerritories("paris", ServedTerritories.EVERY);
        String territory = "t" + id;
        try (TerritoryConsumers consumers = new TerritoryConsumers(served, t ->
                loopOf("loop-test-" + t.substring(1), r -> {
                    handled.add(t + ":" + r.value());
                    return "applied";
                }))) {
            consumers.start();
            assertThat(consumers.loops()).isEmpty();

            served.learn(territory);
            send("hello");

            eventually().until(() -> handled.contains(territory + ":hello"));
            assertThat(consumers.loops()).hasSize(1);
            consumers.close();
            assertThat(consumers.loops()).allSatisfy(l -> assertThat(l.alive()).isFalse());
        }
    }
}
