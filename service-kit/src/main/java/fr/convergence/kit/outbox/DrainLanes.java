package fr.convergence.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs outbox drains off the request thread, the way every service needs them:
 * <ul>
 *   <li>one key (a stream, a document) is always drained by the same single-threaded lane, so its events leave
 *   in order and two drains of it never race;</li>
 *   <li>a key already queued is not queued twice;</li>
 *   <li>a drain that throws (Kafka down, store unreachable) puts its key in a retry set, retried with back-off
 *   from 0.5 s to 10 s, so writes keep being accepted while publication waits.</li>
 * </ul>
 */
public final class DrainLanes implements AutoCloseable {

    /** Publishes what one key has pending; throws if it could not, to be retried. */
    @FunctionalInterface
    public interface Drain {
        void drain(String key) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(DrainLanes.class);

    private final Drain drain;
    private final ExecutorService[] lanes;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries;
    private volatile long backoffMillis = 500;

    public DrainLanes(String name, int laneCount, Drain drain, MeterRegistry meters) {
        this.drain = drain;
        this.lanes = new ExecutorService[laneCount];
        for (int i = 0; i < laneCount; i++) {
            String thread = name + "-lane-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> daemon(r, thread));
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-retry"));
        if (meters != null) {
            Gauge.builder("convergence.outbox.waiting", waiting, Set::size).tag("outbox", name)
                    .description("keys whose events wait for Kafka").register(meters);
        }
        retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues a drain of {@code key}; returns at once. */
    public void schedule(String key) {
        if (scheduled.add(key)) {
            lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(() -> {
                scheduled.remove(key);
                run(key);
            });
        }
    }

    private void run(String key) {
        try {
            drain.drain(key);
            waiting.remove(key);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (waiting.add(key)) {
                log.warn("outbox: {} waits for Kafka ({})", key, e.getMessage());
            }
        }
    }

    private void retryWaiting() {
        try {
            if (!waiting.isEmpty()) {
                List.copyOf(waiting).forEach(this::schedule);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            } else {
                backoffMillis = 500;
            }
        } finally {
            if (!retries.isShutdown()) {
                retries.schedule(this::retryWaiting, backoffMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Keys currently waiting for Kafka. */
    public int waiting() {
        return waiting.size();
    }

    @Override
    public void close() throws InterruptedException {
        retries.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
