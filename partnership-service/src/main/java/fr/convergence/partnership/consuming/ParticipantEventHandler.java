package fr.convergence.partnership.consuming;

import fr.convergence.partnership.application.ParticipantErasure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

/**
 * Reads a served territory's participant stream ({@code participant-event v1}, tolerant: only {@code type},
 * {@code territory} and {@code participantId} are read, every other type is ignored) for one fact:
 * {@code ParticipantErased}, on which this service erases what it keeps about the person
 * ({@link ParticipantErasure}). Idempotent: a redelivered erasure finds nothing left. A record whose envelope names
 * another territory than its topic is poison ({@code territory-mismatch}), as on the pathway stream.
 */
public class ParticipantEventHandler {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_./-]{1,64}");

    private final ParticipantErasure erasure;
    private final JsonMapper json = JsonMapper.builder().build();

    public ParticipantEventHandler(ParticipantErasure erasure) {
        this.erasure = erasure;
    }

    public PathwayEventHandler.Outcome handle(String topicTerritory, String value) {
        if (value == null) {
            throw new PoisonEvent("empty record");
        }
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonEvent("unparseable participant event: " + e.getOriginalMessage(), e);
        }
        if (!"ParticipantErased".equals(event.path("type").asString(null))) {
            return PathwayEventHandler.Outcome.IGNORED_TYPE;
        }
        String territory = event.path("territory").asString(null);
        if (!topicTerritory.equals(territory)) {
            throw PoisonEvent.territoryMismatch("the topic of " + topicTerritory + " carries an erasure of " + territory);
        }
        String participantId = event.path("participantId").asString(event.path("data").path("participantId").asString(null));
        if (participantId == null || !ID.matcher(participantId).matches()) {
            throw new PoisonEvent("ParticipantErased without a valid participantId");
        }
        erasure.erase(territory, participantId);
        return PathwayEventHandler.Outcome.APPLIED;
    }
}
