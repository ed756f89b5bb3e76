package fr.convergence.reporting.projection;

import java.util.Map;

/**
 * The part of a pathway-event v1 envelope the projections use ({@code participantId}: the pseudonymous id, joined to
 * the participant stream's age band). Unknown envelope fields are dropped by the
 * parser; {@code data} keeps the payload as plain values so that unknown fields and new types pass through.
 */
public record PathwayEvent(String eventId, String type, String territory, String aciId, String pathwayId,
                           long sequence, String occurredOn, Map<String, Object> data, String participantId) {

    public PathwayEvent {
        data = data == null ? Map.of() : data;
    }

    /** An event whose envelope names no participant (replays of the log, tests of the folding). */
    public PathwayEvent(String eventId, String type, String territory, String aciId, String pathwayId, long sequence,
                        String occurredOn, Map<String, Object> data) {
        this(eventId, type, territory, aciId, pathwayId, sequence, occurredOn, data, null);
    }

    public String text(String field) {
        Object value = data.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidEventException(type + " without data." + field);
        }
        return value.toString();
    }

    public String textOr(String field, String fallback) {
        Object value = data.get(field);
        return value == null ? fallback : value.toString();
    }

    public double number(String field) {
        Object value = data.get(field);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(text(field));
        } catch (NumberFormatException e) {
            throw new InvalidEventException(type + " with non-numeric data." + field);
        }
    }
}
