package fr.convergence.reporting.rebuild;

import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.projection.GenerationFold;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One rebuild worker: reads its share of the partitions from their beginning up to the end offsets captured when
 * the rebuild started (no consumer group: partitions are assigned, nothing is committed) and folds each record,
 * parsed once, into the shared in-memory generation. Records past an end offset are left to the live consumer,
 * which the rebuild hands those very offsets to.
 */
final class PartitionReplay implements Callable<Long> {

    private final KafkaClients kafka;
    private final Properties config = new Properties();
    private final Map<TopicPartition, Long> ends;
    private final RecordHandler handler;
    private final GenerationFold fold;
    private final AtomicLong done;
    private final BooleanSupplier cancelled;

    PartitionReplay(KafkaClients kafka, String clientId, Map<TopicPartition, Long> ends, RecordHandler handler,
                    GenerationFold fold, AtomicLong done, BooleanSupplier cancelled) {
        this.kafka = kafka;
        this.ends = Map.copyOf(ends);
        this.handler = handler;
        this.fold = fold;
        this.done = done;
        this.cancelled = cancelled;
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // large fetches: a replay reads whole partitions, latency does not matter
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    /** @return the records folded (or dead-lettered) */
    @Override
    public Long call() {
        long count = 0;
        try (KafkaConsumer<String, String> consumer = kafka.consumer(config)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Set<TopicPartition> remaining = new HashSet<>(ends.keySet());
            remaining.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            consumer.pause(ends.keySet().stream().filter(tp -> !remaining.contains(tp)).toList());
            while (!remaining.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    throw new IllegalStateException("rebuild cancelled");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                long batch = 0;
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(tp)) {
                        handler.fold(record, fold);
                        batch++;
                    }
                }
                done.addAndGet(batch);
                count += batch;
                for (TopicPartition tp : List.copyOf(remaining)) {
                    if (consumer.position(tp) >= ends.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
        return count;
    }
}
