package fr.convergence.reporting.rebuild;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The mutable state of one running rebuild, read by the API from another thread. */
final class Rebuild {

    final int generation;
    final Instant startedAt = Instant.now();
    final AtomicLong done = new AtomicLong();
    volatile Map<TopicPartition, Long> endOffsets = Map.of();
    volatile long total;
    volatile String state = "STARTING";
    volatile Instant finishedAt;
    volatile String error;

    Rebuild(int generation) {
        this.generation = generation;
    }

    RebuildProgress progress() {
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        long count = done.get();
        double rate = Math.round(count / seconds * 10) / 10.0;
        Long left = finishedAt != null ? Long.valueOf(0) : rate <= 0 ? null
                : Long.valueOf((long) Math.ceil(Math.max(0, total - count) / rate));
        return new RebuildProgress(generation, state, count, total, rate, left, startedAt.toString(),
                finishedAt == null ? null : finishedAt.toString(), error);
    }
}
