package fr.convergence.kit.kafka;

/**
 * One integration event ready to leave: its topic, its partition key (the participant's pseudonymous id,
 * so that one person's events stay in order) and its JSON body.
 */
public record OutgoingRecord(String topic, String key, String eventId, String correlationId, String json) {
}
