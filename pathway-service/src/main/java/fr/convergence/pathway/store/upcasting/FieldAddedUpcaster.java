package fr.convergence.pathway.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision step that only added a field: the older revision is read with the field explicitly null, because it
 * was not recorded then (never a guessed value). Each such step is its own small subclass, named after its event.
 */
abstract class FieldAddedUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String toRevision;
    private final String field;

    FieldAddedUpcaster(Class<?> event, String fromRevision, String toRevision, String field) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.toRevision = toRevision;
        this.field = field;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(from.getName(), toRevision), JsonNode.class,
                payload -> {
                    ((ObjectNode) payload).putNull(field);
                    return payload;
                });
    }
}
