package fr.convergence.reporting.rebuild;

import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.projection.GenerationFold;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.GenerationWriter;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A generation rebuilt in two passes: the partitions, spread over a few workers ({@link PartitionReplay}), are read
 * up to the captured end offsets and folded in memory ({@link GenerationFold}); then the generation is written once
 * ({@link GenerationWriter}: bulk inserts, one durability barrier). No Spring, so that the measurement harness runs
 * exactly this.
 *
 * <p>Memory: the folded state of every pathway is held until it is written, about what {@code g<n>_pathways} holds
 * on disk; the cells are built one territory at a time.
 */
public final class BulkRebuild {

    private final KafkaClients kafka;
    private final MongoDatabase database;
    private final RecordHandler handler;
    private final int workers;

    public BulkRebuild(KafkaClients kafka, MongoDatabase database, RecordHandler handler, int workers) {
        this.kafka = kafka;
        this.database = database;
        this.handler = handler;
        this.workers = Math.max(1, workers);
    }

    /**
     * Folds every record below {@code ends} and writes generation {@code next} (whose collections must be empty).
     *
     * @param done      incremented as records are folded (progress)
     * @param onWriting called once the reading is over, before the writes
     * @param cancelled polled by the workers; true stops the rebuild with an exception
     */
    public GenerationWriter.Written run(Generation next, Map<TopicPartition, Long> ends, AtomicLong done,
                                       Runnable onWriting, BooleanSupplier cancelled) {
        GenerationFold fold = new GenerationFold();
        List<Map<TopicPartition, Long>> shares = spread(ends, workers);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, shares.size()), r -> {
            Thread t = new Thread(r, "reporting-rebuild-g" + next.number() + "-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> running = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                running.add(pool.submit(new PartitionReplay(kafka, "reporting-rebuild-g" + next.number() + "-" + i,
                        shares.get(i), handler, fold, done, cancelled)));
            }
            for (Future<Long> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        onWriting.run();
        return new GenerationWriter(database, next, workers).write(fold);
    }

    /** The partitions dealt to the workers, largest first to the least loaded, so they finish about together. */
    static List<Map<TopicPartition, Long>> spread(Map<TopicPartition, Long> ends, int workers) {
        List<Map<TopicPartition, Long>> shares = new ArrayList<>();
        long[] load = new long[Math.min(workers, Math.max(1, ends.size()))];
        for (int i = 0; i < load.length; i++) {
            shares.add(new HashMap<>());
        }
        ends.entrySet().stream()
                .sorted(Map.Entry.<TopicPartition, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().toString()))
                .forEach(e -> {
                    int least = 0;
                    for (int i = 1; i < load.length; i++) {
                        if (load[i] < load[least]) {
                            least = i;
                        }
                    }
                    shares.get(least).put(e.getKey(), e.getValue());
                    load[least] += e.getValue();
                });
        shares.removeIf(Map::isEmpty);
        return shares;
    }
}
