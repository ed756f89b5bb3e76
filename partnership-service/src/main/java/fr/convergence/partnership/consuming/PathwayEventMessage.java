package fr.convergence.partnership.consuming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * This service's own, tolerant copy of the {@code pathway-event v1} envelope: unknown fields are ignored, unknown
 * types are skipped by the handler, {@code data} stays a plain map read field by field. No pathway-service class
 * is shared.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PathwayEventMessage(String eventId, String type, Integer schemaVersion, String territory, String aciId,
                                  String participantId, String pathwayId, Long sequence, LocalDate occurredOn,
                                  Instant recordedAt, String recordedBy, String correlationId, Map<String, Object> data) {

    public String dataText(String field) {
        Object value = data == null ? null : data.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
