package fr.convergence.kit.deadletter;

/**
 * A record a consumer could not apply, kept whole with why. {@code status}: PARKED until an administrator replays it
 * successfully (REPROCESSED) or discards it with a note (DISCARDED); a letter is never deleted, so what was done with
 * it stays on record. {@code consumer} names the consumer group's purpose (e.g. {@code pathway-events}).
 */
public record DeadLetter(String id, String consumer, String topic, int partition, long offset, String key,
                         String value, String reason, String detail, String status, String parkedAt, int attempts,
                         String lastActionAt, String lastActionBy, String note) {

    public static final String PARKED = "PARKED";
    public static final String REPROCESSED = "REPROCESSED";
    public static final String DISCARDED = "DISCARDED";

    /** One record of a topic is one letter however often it is parked (redelivery, rebuild). */
    public static String idOf(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }
}
