package fr.convergence.reporting.ingest;

import fr.convergence.contracts.Topics;
import fr.convergence.reporting.projection.InvalidEventException;
import fr.convergence.reporting.projection.ParticipantEvent;
import fr.convergence.reporting.projection.PathwayEvent;
import fr.convergence.reporting.projection.ReferralEvent;
import fr.convergence.reporting.projection.ReferralState;
import fr.convergence.reporting.projection.TerritoryMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Reads record values into events. Tolerant reader: unknown fields are ignored; only what the projections
 * need is required. The territory is checked against the topic so that one territory cannot write into
 * another's figures.
 */
public final class EventParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventParser() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record");
        }
        try {
            Object value = JSON.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                throw new InvalidEventException("record is not a JSON object");
            }
            return (Map<String, Object>) map;
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static PathwayEvent pathway(String topic, String json) {
        Map<String, Object> m = read(json);
        String territory = territory(topic, m);
        Object sequence = m.get("sequence");
        if (!(sequence instanceof Number n) || n.longValue() < 0) {
            throw new InvalidEventException("missing or negative sequence");
        }
        Object data = m.get("data");
        return new PathwayEvent(required(m, "eventId"), required(m, "type"), territory, string(m.get("aciId")),
                required(m, "pathwayId"), n.longValue(), required(m, "occurredOn"),
                data instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of(), string(m.get("participantId")));
    }

    /**
     * Reads a participant-event v1 (reference data and age bands). Only the envelope must hold: an event id (the
     * duplicate check), a type and the territory of its topic; anything else missing is the folding's to tolerate.
     */
    @SuppressWarnings("unchecked")
    public static ParticipantEvent participant(String topic, String json) {
        Map<String, Object> m = read(json);
        String territory = territory(topic, m);
        Object data = m.get("data");
        return new ParticipantEvent(required(m, "eventId"), required(m, "type"), territory, string(m.get("aciId")),
                string(m.get("participantId")), string(m.get("occurredOn")),
                data instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
    }

    /**
     * Reads a partnership-event v1 referral event (contracts/partnership-event.v1.schema.json), or returns null
     * for the stream's other facts (partners, agreements, future types), which no national figure uses. The
     * month a referral counts in is its proposal date ({@code data.proposedOn}), whatever event brings it.
     */
    @SuppressWarnings("unchecked")
    public static ReferralEvent referral(String topic, String json) {
        Map<String, Object> m = read(json);
        String territory = territory(topic, m);
        String type = required(m, "type");
        Map<String, Object> data = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        if (ReferralState.statusOf(type) == null && data.get("status") == null) {
            return null;
        }
        String referralId = first(data.get("referralId"), m.get("referralId"));
        if (referralId == null) {
            throw new InvalidEventException(type + " without data.referralId");
        }
        String proposedOn = first(data.get("proposedOn"), m.get("occurredOn"));
        return new ReferralEvent(string(m.get("eventId")), type, territory, first(m.get("aciId"), data.get("aciId")),
                referralId, proposedOn, string(data.get("domain")), string(data.get("status")),
                string(data.get("outcome")));
    }

    private static String territory(String topic, Map<String, Object> m) {
        String fromTopic = Topics.territoryOf(topic);
        String declared = string(m.get("territory"));
        if (declared != null && !declared.equals(fromTopic)) {
            throw new TerritoryMismatchException("event of territory " + declared + " on the topic of " + fromTopic);
        }
        return fromTopic;
    }

    private static String required(Map<String, Object> m, String field) {
        String value = string(m.get(field));
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing " + field);
        }
        return value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String first(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return null;
    }
}
