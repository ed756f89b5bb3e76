package fr.convergence.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of latencies, in milliseconds (nearest-rank). */
record Stats(int count, double p50, double p99, double max, double mean) {

    static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.99)), ms(sorted[sorted.length - 1]),
                ms((long) Arrays.stream(sorted).average().orElse(0)));
    }

    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    String p50p99() {
        return Fmt.ms(p50) + " / " + Fmt.ms(p99);
    }
}
