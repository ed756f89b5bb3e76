package fr.convergence.pathway.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * WeeklyHoursChanged 1 → 2: adds {@code programme}, explicitly null because revision 1 did not record it.
 * One upcaster per step; the JSON fixtures of both revisions are in src/test/resources/events.
 */
public class WeeklyHoursChangedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType FROM = new SimpleSerializedType(
            "fr.convergence.pathway.domain.event.WeeklyHoursChanged", "1");
    static final String TO_REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FROM);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(FROM.getName(), TO_REVISION), JsonNode.class,
                payload -> {
                    ((ObjectNode) payload).putNull("programme");
                    return payload;
                });
    }
}
