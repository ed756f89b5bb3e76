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

    /** ParticipantExited with its housing at exit (issue 18). */
    public PathwayStream exited(String date, String category, String reason, int months, String housingAtExit) {
        return event("ParticipantExited", date, Map.of("reason", reason, "category", category,
                "monthsInPathway", months, "housingAtExit", housingAtExit));
    }

    /** EntryProfileRecorded; {@code correctionOf} null for the first profile, else the sequence it corrects. */
    public PathwayStream profile(String date, String housing, Long correctionOf) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("housing", housing);
        data.put("withoutHousing", "YEARS_1_TO_2");
        data.put("referredBy", "STREET_OUTREACH");
        data.put("healthCover", "CSS");
        data.put("rightsAtEntry", List.of("RSA", "IDENTITY_DOCUMENT"));
        data.put("withoutWork", "OVER_5_YEARS");
        data.put("correctionOf", correctionOf);
        data.put("correctionReason", correctionOf == null ? null : "DATA_ENTRY_ERROR");
        return event("EntryProfileRecorded", date, data);
    }

    public PathwayStream accompaniment(String date, String kind) {
        return event("AccompanimentRecorded", date, Map.of("kind", kind, "length", "MINUTES_30_TO_60",
                "participants", List.of("PARTICIPANT", "CIP")));
    }

    public PathwayStream followUp(String date, int milestoneMonths, String employment, String housing) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("milestoneMonths", milestoneMonths);
        data.put("employment", employment);
        data.put("housing", housing);
        data.put("newDifficulty", null);
        return event("FollowUpContactRecorded", date, data);
    }

    /** EventDateCorrected of the event at {@code sequence} (its type and wrong date as recorded). */
    public PathwayStream correctDate(String date, long sequence, String type, String wrongDate, String rightDate) {
        return event("EventDateCorrected", date, Map.of("correctedSequence", sequence, "correctedType", type,
                "wrongDate", wrongDate, "rightDate", rightDate, "reason", "DATA_ENTRY_ERROR"));
    }

    public PathwayStream cancelExit(String date, long exitSequence, String exitDate) {
        return event("ExitCancelled", date, Map.of("exitSequence", exitSequence, "exitDate", exitDate,
                "reason", "EXIT_DID_NOT_HAPPEN"));
    }

    /** The sequence of the last event added. */
    public long last() {
        return records.size() - 1;
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
