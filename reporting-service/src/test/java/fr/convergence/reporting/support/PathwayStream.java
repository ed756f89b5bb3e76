package fr.convergence.reporting.support;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds one pathway's pathway-event v1 records, gap-free from sequence 0, as pathway-service publishes them. */
public final class PathwayStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final String territory;
    public final String aciId;
    public final String participantId = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
    public final String pathwayId = UUID.randomUUID().toString();
    private final List<String> records = new ArrayList<>();

    private PathwayStream(String territory, String aciId) {
        this.territory = territory;
        this.aciId = aciId;
    }

    public static PathwayStream hired(String territory, String aciId, String programme, String date, double hours) {
        PathwayStream s = new PathwayStream(territory, aciId);
        s.event("ParticipantHired", date, Map.of("participantId", s.participantId, "territory", territory,
                "aciId", aciId, "programme", programme, "plannedEnd", "2099-01-01", "weeklyHours", hours,
                "hoursDerogation", false));
        return s;
    }

    public PathwayStream event(String type, String date, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("source", "pathway-service");
        e.put("territory", territory);
        e.put("aciId", aciId);
        e.put("participantId", participantId);
        e.put("pathwayId", pathwayId);
        e.put("sequence", records.size());
        e.put("occurredOn", date);
        e.put("recordedAt", date + "T10:00:00Z");
        e.put("recordedBy", "cip-test");
        e.put("correlationId", UUID.randomUUID().toString());
        e.put("hash", "0".repeat(64));
        e.put("data", data);
        records.add(JSON.writeValueAsString(e));
        return this;
    }

    public PathwayStream exited(String date, String category, String reason, int months) {
        return event("ParticipantExited", date, Map.of("reason", reason, "category", category,
                "monthsInPathway", months));
    }

    public PathwayStream hours(String month, double hours) {
        return event("MonthlyHoursReported", month + "-01", Map.of("month", month, "hours", hours));
    }

    public List<String> records() {
        return List.copyOf(records);
    }

    public String topic() {
        return "convergence." + territory + ".pathway.v1";
    }
}
