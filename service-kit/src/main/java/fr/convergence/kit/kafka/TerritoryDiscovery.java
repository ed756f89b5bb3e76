package fr.convergence.kit.kafka;

import fr.convergence.contracts.Topics;
import fr.convergence.kit.ServedTerritories;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an instance serving every territory ({@code TERRITORIES=*}) learns which territories exist: it reads every
 * territory's participant stream ({@code convergence.<territory>.participant.v1}, the one participant-service writes
 * {@code TerritoryCreated} to) and serves each territory created there ({@link ServedTerritories#learn}).
 *
 * <ul>
 *   <li>No consumer group, every partition assigned to this instance: each instance must learn every territory, so
 *   two instances sharing a group (and splitting the partitions) would each miss some.</li>
 *   <li>From the beginning on every start: the streams are kept whole (retention -1, deploy/kafka-acls.md), so what a
 *   restarted instance serves is derived from them, with no list of its own to drift from them.</li>
 *   <li>New topics are looked for every {@code refresh} (a territory opened while running is served within it).</li>
 *   <li>{@link #caughtUp()} once it has read what the participant streams held at its start: until then the instance
 *   would refuse a territory it served before the restart, so its health says OUT_OF_SERVICE.</li>
 * </ul>
 * A broker unreachable is retried every few seconds; reading is idempotent ({@link ServedTerritories#learn}).
 */
public class TerritoryDiscovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TerritoryDiscovery.class);
    static final Pattern PARTICIPANT_TOPICS = Topics.allTerritories("participant", 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaClients kafka;
    private final Properties config = new Properties();
    private final ServedTerritories served;
    private final Duration refresh;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;

    public TerritoryDiscovery(KafkaClients kafka, ServedTerritories served, Duration refresh) {
        this.kafka = kafka;
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) refresh.toMillis());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.served = served;
        this.refresh = refresh;
        this.thread = new Thread(this::run, "territory-discovery");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Whether every participant stream that existed at the start has been read to its end once. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** The territory a participant-stream record opens, if it is a TerritoryCreated of its own topic's territory. */
    public static Optional<String> territoryCreated(String topic, String value) {
        if (value == null || !value.contains("TerritoryCreated")) {
            return Optional.empty();   // most records are about people: not worth parsing
        }
        try {
            JsonNode event = JSON.readTree(value);
            String territory = Topics.territoryOf(topic);
            if (!"TerritoryCreated".equals(event.path("type").asString(""))) {
                return Optional.empty();
            }
            // an event naming another territory than its topic's opens nothing (the same rule as every consumer's)
            if (!territory.equals(event.path("territory").asString(""))
                    || !territory.equals(event.path("data").path("code").asString(territory))) {
                log.warn("TerritoryCreated on {} names another territory; ignored", topic);
                return Optional.empty();
            }
            return Optional.of(territory);
        } catch (RuntimeException unreadable) {
            log.warn("unreadable record on {}: {}", topic, unreadable.toString());
            return Optional.empty();
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = kafka.consumer(config)) {
                consumer = c;
                read(c);
            } catch (WakeupException stopping) {
                return;
            } catch (KafkaException | IllegalStateException failed) {
                // the broker unreachable, or anything unforeseen: the instance must not stop learning territories
                log.warn("territory discovery: {}; starting over in 5 s", failed.toString());
                pause(5_000);
            }
        }
    }

    private void read(KafkaConsumer<String, String> c) {
        Set<TopicPartition> assigned = new HashSet<>();
        Map<TopicPartition, Long> endsAtStart = null;
        long nextLook = 0;
        while (running) {
            if (System.nanoTime() >= nextLook) {
                Set<TopicPartition> found = participantPartitions(c);
                if (!assigned.containsAll(found)) {
                    Set<TopicPartition> added = new HashSet<>(found);
                    added.removeAll(assigned);
                    assigned.addAll(added);
                    c.assign(List.copyOf(assigned));
                    c.seekToBeginning(added);
                }
                if (endsAtStart == null) {
                    endsAtStart = new HashMap<>(c.endOffsets(assigned));
                }
                nextLook = System.nanoTime() + refresh.toNanos();
            }
            if (assigned.isEmpty()) {
                pause(Math.min(500, refresh.toMillis()));   // no territory yet: nothing to poll
            } else {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    territoryCreated(r.topic(), r.value()).filter(served::learn)
                            .ifPresent(t -> log.info("territory {} opened: served from now on", t));
                }
            }
            if (!caughtUp && endsAtStart.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                log.info("territory discovery caught up: serving {}", served.all());
            }
        }
    }

    private static Set<TopicPartition> participantPartitions(KafkaConsumer<String, String> c) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (Map.Entry<String, List<PartitionInfo>> topic : c.listTopics(Duration.ofSeconds(10)).entrySet()) {
            if (PARTICIPANT_TOPICS.matcher(topic.getKey()).matches()) {
                topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return partitions;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.interrupt();
        thread.join(10_000);
    }
}
