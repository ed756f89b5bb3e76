package fr.convergence.pathway.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * ParticipantExited 1 → 2: adds {@code housingAtExit}, explicitly null because revision 1 did not record it (the
 * figures count such an exit as "housing at exit unknown", never as a guess). Fixtures: events/v1 and events/v2.
 */
public class ParticipantExitedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType FROM = new SimpleSerializedType(
            "fr.convergence.pathway.domain.event.ParticipantExited", "1");
    static final String TO_REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FROM);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(FROM.getName(), TO_REVISION), JsonNode.class,
                payload -> {
                    ((ObjectNode) payload).putNull("housingAtExit");
                    return payload;
                });
    }
}
