package fr.convergence.workspace.partners;

import java.util.Arrays;
import java.util.Optional;

/**
 * How long a need has been open, in the bands partnership-service counts ({@code /needs/summary}): the queue is read
 * by these, oldest first, so that nobody waits three months unnoticed.
 */
public enum AgeBand {
    RECENT("0-7", "0 à 7 jours", 0, 7),
    WEEKS("8-30", "8 à 30 jours", 8, 30),
    MONTHS("31-90", "31 à 90 jours", 31, 90),
    OLD("91+", "Plus de 90 jours", 91, Long.MAX_VALUE);

    private final String code;
    private final String label;
    private final long from;
    private final long to;

    AgeBand(String code, String label, long from, long to) {
        this.code = code;
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean holds(long daysOpen) {
        return daysOpen >= from && daysOpen <= to;
    }

    public static AgeBand of(long daysOpen) {
        return Arrays.stream(values()).filter(b -> b.holds(daysOpen)).findFirst().orElse(RECENT);
    }

    public static Optional<AgeBand> fromCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }
}
