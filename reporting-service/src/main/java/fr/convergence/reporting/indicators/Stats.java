package fr.convergence.reporting.indicators;

import java.util.List;

/** Small statistics, kept apart so that their edge cases (empty, even counts) are tested on their own. */
public final class Stats {

    private Stats() {
    }

    /** Median of the values, the mean of the two middle values for an even count; null when empty. */
    public static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** numerator / denominator rounded to 4 decimals; null when the denominator is 0 (a rate of nothing). */
    public static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(numerator * 10_000.0 / denominator) / 10_000.0;
    }

    public static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
