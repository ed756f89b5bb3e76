package fr.convergence.partnership;

import fr.convergence.contracts.ContractSchemas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pathway events written by hand, shaped like contracts/examples/pathway-event.v1.ParticipantHired.json. */
public final class PathwayEvents {

    private PathwayEvents() {
    }

    public static String event(String territory, String participantId, String pathwayId, long sequence, String type,
                               LocalDate occurredOn, String dataJson) {
        return event(territory, "aci-" + territory + "-1", participantId, pathwayId, sequence, type, occurredOn, dataJson);
    }

    /** An event of a participant of the given ACI (what lets that ACI's CIP see them). */
    public static String event(String territory, String aciId, String participantId, String pathwayId, long sequence,
                               String type, LocalDate occurredOn, String dataJson) {
        String id = UUID.randomUUID().toString();
        String recordedAt = Instant.now().toString();
        String json = """
                {"specversion":"1.0","id":"%s","subject":"%s","time":"%s",\
                "dataschema":"https://convergence-france.org/contracts/pathway-event.v1.schema.json",\
                "eventId":"%s","type":"%s","schemaVersion":1,"source":"pathway-service","territory":"%s",\
                "aciId":"%s","participantId":"%s","pathwayId":"%s","sequence":%d,"occurredOn":"%s",\
                "recordedAt":"%s","recordedBy":"cip-%s-1","correlationId":"%s","futureField":"ignored","data":%s}"""
                .formatted(id, pathwayId, recordedAt, id, type, territory, aciId, participantId, pathwayId, sequence,
                        occurredOn, recordedAt, territory, UUID.randomUUID(), dataJson);
        assertThat(ContractSchemas.violations("pathway-event", 1, json)).as("test event follows the pathway contract")
                .isEmpty();
        return json;
    }

    public static String barrierAssessed(String territory, String participantId, String pathwayId, long sequence,
                                         String domain, String handling, LocalDate on) {
        return event(territory, participantId, pathwayId, sequence, "BarrierAssessed", on,
                "{\"domain\":\"%s\",\"intensity\":\"HIGH\",\"handling\":\"%s\"}".formatted(domain, handling));
    }

    public static String barrierLifted(String territory, String participantId, String pathwayId, long sequence,
                                       String domain, LocalDate on) {
        return event(territory, participantId, pathwayId, sequence, "BarrierLifted", on,
                "{\"domain\":\"%s\"}".formatted(domain));
    }

    public static String exited(String territory, String participantId, String pathwayId, long sequence, LocalDate on) {
        return event(territory, participantId, pathwayId, sequence, "ParticipantExited", on,
                "{\"reason\":\"CDI\",\"category\":\"DURABLE_EMPLOYMENT\",\"monthsInPathway\":14}");
    }
}
