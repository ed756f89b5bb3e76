package fr.convergence.reporting.deadletter;

/** A record that could not be parsed or applied, kept with the reason so that it can be fixed and retried. */
public record DeadLetter(String id, String topic, int partition, long offset, String key, String value,
                         String reason, String parkedAt, int attempts) {
}
