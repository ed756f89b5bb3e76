package fr.convergence.pathway.audit;

import java.util.Map;

/**
 * One event of a participant's history, whichever service recorded it.
 *
 * @param occurredOn  when it happened (calendar date)
 * @param recordedAt  when it was recorded (instant)
 * @param hash        SHA-256 chain link for pathway events (null for other services' events)
 */
public record HistoryEntry(String service, String stream, long sequence, String eventId, String type,
                           String occurredOn, String recordedAt, String recordedBy, String correlationId,
                           Map<String, Object> data, String hash) {
}
