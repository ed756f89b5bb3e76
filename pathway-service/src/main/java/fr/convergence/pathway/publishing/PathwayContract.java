package fr.convergence.pathway.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.pathway.domain.event.PathwayEvent;
import fr.convergence.pathway.store.StoredEvent;
import fr.convergence.pathway.store.StoredStream;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Translates stored domain events into the published integration contract {@code pathway-event v1}
 * (contracts/src/main/resources/contracts/pathway-event.v1.schema.json). The domain event may evolve
 * (revisions, upcasters); this envelope only changes with a new major version and a new topic.
 *
 * <p>No personal data crosses: the participant is its pseudonymous id; events carry codes, dates and numbers.
 */
public class PathwayContract {

    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE = "pathway-service";
    public static final String DATA_SCHEMA = "https://convergence-france.org/contracts/pathway-event.v1.schema.json";

    private final ObjectMapper json;

    public PathwayContract(ObjectMapper json) {
        this.json = json;
    }

    public OutgoingRecord toRecord(StoredStream stream, StoredEvent stored) {
        DomainEventMessage<?> message = stored.message();
        PathwayEvent event = (PathwayEvent) message.getPayload();
        ObjectNode data = json.valueToTree(event);
        data.remove("pathwayId");
        data.remove("occurredOn");
        String correlationId = String.valueOf(message.getMetaData().getOrDefault("correlationId", message.getIdentifier()));
        ObjectNode envelope = json.createObjectNode()
                // CloudEvents 1.0 (structured JSON mode) attributes
                .put("specversion", "1.0")
                .put("id", message.getIdentifier())
                .put("subject", stream.id())
                .put("time", message.getTimestamp().toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", DATA_SCHEMA)
                // the platform's own envelope fields
                .put("eventId", message.getIdentifier())
                .put("type", event.getClass().getSimpleName())
                .put("schemaVersion", SCHEMA_VERSION)
                .put("source", SOURCE)
                .put("territory", stream.territory())
                .put("aciId", stream.aciId())
                .put("participantId", stream.participantId())
                .put("pathwayId", stream.id())
                .put("sequence", message.getSequenceNumber())
                .put("occurredOn", event.occurredOn().toString())
                .put("recordedAt", message.getTimestamp().toString())
                .put("recordedBy", String.valueOf(message.getMetaData().getOrDefault("recordedBy", "system")))
                .put("correlationId", correlationId)
                .put("hash", stored.hash());
        envelope.set("data", data);
        return new OutgoingRecord(Topics.pathway(stream.territory()), stream.participantId(), message.getIdentifier(),
                correlationId, envelope.toString());
    }
}
