package fr.convergence.reporting.projection;

import java.util.List;
import java.util.Map;

/**
 * The part of a participant-event v1 envelope reporting uses (contracts/participant-event.v1.schema.json): reference
 * data (territories, ACI) and each participant's age band. Unknown fields are dropped by the parser; {@code data}
 * keeps the payload as plain values, so new types and fields pass through and are ignored by the folding.
 */
public record ParticipantEvent(String eventId, String type, String territory, String aciId, String participantId,
                               String occurredOn, Map<String, Object> data) {

    public ParticipantEvent {
        data = data == null ? Map.of() : data;
    }

    public String text(String field) {
        Object value = data.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(data.get(field)) || "true".equals(String.valueOf(data.get(field)));
    }

    public List<String> texts(String field) {
        return data.get(field) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
