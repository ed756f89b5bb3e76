package fr.convergence.pathway.moves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.pathway.domain.command.TransferToAci;
import fr.convergence.pathway.store.ParticipantPathways;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;

/**
 * What participant-service says of a person that matters here: the ACI they belong to (registered in, moved to), so
 * that only that ACI's staff can hire them, and their moves, which their pathways follow ({@link TransferToAci}),
 * recorded by whoever made the move. Idempotent: a move heard twice finds the pathway already in its new ACI and
 * records nothing; the ACI record is a plain set.
 */
public class ParticipantMoves {

    private static final Logger log = LoggerFactory.getLogger(ParticipantMoves.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Outcome { TRANSFERRED, IGNORED_TYPE, NO_PATHWAY, ACI_RECORDED }

    /** A record that can never be applied: the consumer logs it whole and goes on. */
    public static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason);
        }
    }

    private final CommandGateway commands;
    private final ParticipantPathways pathways;
    private final fr.convergence.pathway.store.ParticipantAcis acis;

    public ParticipantMoves(CommandGateway commands, ParticipantPathways pathways,
                            fr.convergence.pathway.store.ParticipantAcis acis) {
        this.commands = commands;
        this.pathways = pathways;
        this.acis = acis;
    }

    public Outcome handle(String topicTerritory, String value) {
        JsonNode event;
        try {
            event = JSON.readTree(value == null ? "" : value);
        } catch (java.io.IOException e) {
            throw new Unusable("unparseable: " + e.getMessage());
        }
        String type = event == null ? "" : event.path("type").asText();
        if (!"ParticipantMoved".equals(type) && !"ParticipantRegistered".equals(type)) {
            return Outcome.IGNORED_TYPE;
        }
        String participantId = text(event, "participantId");
        if (!topicTerritory.equals(text(event, "territory"))) {
            throw new Unusable("an event of another territory than its topic's");
        }
        if ("ParticipantRegistered".equals(type)) {
            acis.record(participantId, topicTerritory, text(event, "aciId"));
            return Outcome.ACI_RECORDED;
        }
        String toAciId = event.path("data").path("toAciId").asText(null);
        if (toAciId == null) {
            throw new Unusable("a move without its target ACI");
        }
        acis.record(participantId, topicTerritory, toAciId);
        LocalDate on;
        try {
            on = LocalDate.parse(text(event, "occurredOn"));
        } catch (RuntimeException e) {
            throw new Unusable("occurredOn is not a date");
        }
        MetaData metaData = MetaData.with("recordedBy", event.path("recordedBy").asText("participant-service"))
                .and("correlationId", event.path("correlationId").asText(event.path("eventId").asText("")));
        int sent = 0;
        for (String pathwayId : pathways.of(participantId)) {
            try {
                commands.sendAndWait(new TransferToAci(pathwayId, on, toAciId), metaData);
                sent++;
            } catch (AggregateNotFoundException leftover) {
                // a pathway id registered by a hire that then failed: nothing to move
            } catch (org.axonframework.commandhandling.CommandExecutionException wrapped) {
                throw wrapped.getCause() instanceof fr.convergence.kit.problem.RuleViolation refused
                        ? new Unusable(refused.getMessage()) : wrapped;
            } catch (fr.convergence.kit.problem.RuleViolation refused) {
                throw new Unusable(refused.getMessage());
            }
        }
        if (sent > 0) {
            log.info("participant {} moved to {}: {} pathway(s) follow", participantId, toAciId, sent);
        }
        return sent > 0 ? Outcome.TRANSFERRED : Outcome.NO_PATHWAY;
    }

    private static String text(JsonNode event, String field) {
        String value = event.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new Unusable("missing field " + field);
        }
        return value;
    }
}
