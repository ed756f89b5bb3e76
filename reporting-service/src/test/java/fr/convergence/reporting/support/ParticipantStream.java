package fr.convergence.reporting.support;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds participant-event v1 records of one territory as participant-service publishes them
 * (contracts/participant-event.v1.schema.json): reference data keyed by the territory code, participant facts keyed
 * by the participant id.
 */
public final class ParticipantStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final String territory;
    /** Each record as key and value, in order. */
    private final List<String[]> records = new ArrayList<>();

    public ParticipantStream(String territory) {
        this.territory = territory;
    }

    public ParticipantStream territoryCreated(String name) {
        return add("TerritoryCreated", territory, null, null, Map.of("code", territory, "name", name));
    }

    public ParticipantStream territoryChanged(String name) {
        return add("TerritoryChanged", territory, null, null, Map.of("code", territory, "name", name));
    }

    /** AciCreated (AciChanged with {@code changed}); joinedOn and leftOn may be null. */
    public ParticipantStream aci(boolean changed, String aciId, String name, String joinedOn, String leftOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aciId", aciId);
        data.put("territory", territory);
        data.put("name", name);
        data.put("siret", "12345678901234");
        data.put("localCoordination", false);
        if (joinedOn != null) {
            data.put("joinedOn", joinedOn);
        }
        if (leftOn != null) {
            data.put("leftOn", leftOn);
        }
        data.put("programmes", List.of("CVG", "PHC"));
        return add(changed ? "AciChanged" : "AciCreated", territory, aciId, null, data);
    }

    public ParticipantStream registered(String participantId, String aciId, String ageBand) {
        return add("ParticipantRegistered", participantId, aciId, participantId, Map.of("participantId", participantId,
                "territory", territory, "aciId", aciId, "referentId", "cip-test", "ageBand", ageBand,
                "status", "ACTIVE"));
    }

    public ParticipantStream erased(String participantId, String aciId) {
        return add("ParticipantErased", participantId, aciId, participantId, Map.of("participantId", participantId));
    }

    /** Any event, for types and fields this version does not know. */
    public ParticipantStream add(String type, String key, String aciId, String participantId, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("source", "participant-service");
        e.put("territory", territory);
        if (aciId != null) {
            e.put("aciId", aciId);
        }
        if (participantId != null) {
            e.put("participantId", participantId);
        }
        e.put("occurredOn", "2026-01-05");
        e.put("recordedAt", "2026-01-05T09:00:00Z");
        e.put("recordedBy", "system-seed");
        e.put("correlationId", UUID.randomUUID().toString());
        e.put("data", data);
        records.add(new String[]{key, JSON.writeValueAsString(e)});
        return this;
    }

    /** The last record added, as a value (to send it twice). */
    public String last() {
        return records.get(records.size() - 1)[1];
    }

    public List<String[]> records() {
        return List.copyOf(records);
    }

    public String topic() {
        return "convergence." + territory + ".participant.v1";
    }
}
