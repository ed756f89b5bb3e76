package fr.convergence.reporting.deadletter;

/**
 * A record that could not be parsed or applied, kept so that it can be fixed and retried.
 *
 * @param reason a short code: {@code territory-mismatch} (an event that would count for another territory)
 *               or {@code invalid-event}
 * @param detail what exactly was wrong with it
 */
public record DeadLetter(String id, String topic, int partition, long offset, String key, String value,
                         String reason, String detail, String parkedAt, int attempts) {
}
