package fr.convergence.participant.publishing;

import fr.convergence.contracts.Topics;
import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.event.AciChanged;
import fr.convergence.participant.domain.event.AciCreated;
import fr.convergence.participant.domain.event.IntegrationEvent;
import fr.convergence.participant.domain.event.ParticipantErased;
import fr.convergence.participant.domain.event.ParticipantMoved;
import fr.convergence.participant.domain.event.ParticipantContactRectified;
import fr.convergence.participant.domain.event.ParticipantRegistered;
import fr.convergence.participant.domain.event.TerritoryChanged;
import fr.convergence.participant.domain.event.TerritoryCreated;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * Renders events into the published contract {@code participant-event v1}
 * (contracts/src/main/resources/contracts/participant-event.v1.schema.json) on topic
 * {@code convergence.<territory>.participant.v1}.
 *
 * <p>Every field is written by hand rather than by serialising the record: the mapping is an allow-list, so
 * a personal field added to some class one day cannot leak onto Kafka without someone writing it here.
 */
public class ParticipantContract {

    public static final String NAME = "participant-event";
    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE = "participant-service";

    private final JsonMapper json = JsonMapper.builder().build();

    public OutboxEntry render(IntegrationEvent event, EventContext context, long seq) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode()
                .put("eventId", eventId)
                .put("type", event.type())
                .put("schemaVersion", SCHEMA_VERSION)
                .put("source", SOURCE)
                .put("territory", event.territory());
        ObjectNode data = json.createObjectNode();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete by review and test.
        if (event instanceof ParticipantRegistered e) {
            envelope.put("aciId", e.aciId()).put("participantId", e.participantId());
            data.put("participantId", e.participantId()).put("territory", e.territory()).put("aciId", e.aciId())
                    .put("referentId", e.referentId()).put("ageBand", e.ageBand().label())
                    .put("status", e.status().name());
        } else if (event instanceof ParticipantMoved e) {
            envelope.put("aciId", e.toAciId()).put("participantId", e.participantId());
            data.put("participantId", e.participantId()).put("fromAciId", e.fromAciId())
                    .put("toAciId", e.toAciId()).put("referentId", e.referentId());
        } else if (event instanceof ParticipantContactRectified e) {
            envelope.put("aciId", e.aciId()).put("participantId", e.participantId());
            data.put("participantId", e.participantId());
            e.fields().forEach(data.putArray("fields")::add);
        } else if (event instanceof ParticipantErased e) {
            envelope.put("aciId", e.aciId()).put("participantId", e.participantId());
            data.put("participantId", e.participantId());
        } else if (event instanceof TerritoryCreated e) {
            data.put("code", e.territory()).put("name", e.name());
        } else if (event instanceof TerritoryChanged e) {
            data.put("code", e.territory()).put("name", e.name());
        } else if (event instanceof AciCreated e) {
            envelope.put("aciId", e.aci().id());
            aci(data, e.territory(), e.aci());
        } else if (event instanceof AciChanged e) {
            envelope.put("aciId", e.aci().id());
            aci(data, e.territory(), e.aci());
        } else {
            throw new IllegalArgumentException("no contract mapping for " + event.type());
        }
        envelope.put("occurredOn", context.occurredOn().toString())
                .put("recordedAt", context.recordedAt().toString())
                .put("recordedBy", context.recordedBy())
                .put("correlationId", context.correlationId());
        envelope.set("data", data);
        return new OutboxEntry(seq, eventId, Topics.participant(event.territory()), event.key(),
                context.correlationId(), json.writeValueAsString(envelope));
    }

    private static void aci(ObjectNode data, String territory, Aci aci) {
        data.put("aciId", aci.id()).put("territory", territory).put("name", aci.name())
                .put("siret", aci.siret().value()).put("localCoordination", aci.localCoordination());
        // the programme dates let consumers count ACI per period; the contact stays in participant-service
        if (aci.joinedOn() != null) {
            data.put("joinedOn", aci.joinedOn().toString());
        }
        if (aci.leftOn() != null) {
            data.put("leftOn", aci.leftOn().toString());
        }
        ArrayNode programmes = data.putArray("programmes");
        aci.programmes().stream().map(Programme::name).sorted().forEach(programmes::add);
    }
}
