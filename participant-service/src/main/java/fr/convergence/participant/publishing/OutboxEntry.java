package fr.convergence.participant.publishing;

import org.bson.Document;

/**
 * One integration event waiting in its document's outbox, already rendered to the published JSON so that a
 * re-publication after a crash sends byte-identical records (consumers deduplicate on eventId).
 *
 * @param seq position in the owning document's change history (1, 2, …); published once seq ≤ publishedVersion
 */
public record OutboxEntry(long seq, String eventId, String topic, String key, String correlationId, String json) {

    Document toDocument() {
        return new Document("seq", seq).append("eventId", eventId).append("topic", topic).append("key", key)
                .append("correlationId", correlationId).append("json", json);
    }

    Document toHistory() {
        return new Document("seq", seq).append("json", json);
    }

    static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(d.get("seq", Number.class).longValue(), d.getString("eventId"), d.getString("topic"),
                d.getString("key"), d.getString("correlationId"), d.getString("json"));
    }
}
