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
 * A move of participant-service (the coordinator put the person in another ACI of the territory) reaches the
 * person's pathways: each one still lived in an ACI follows them ({@link TransferToAci}), recorded by whoever made
 * the move. Every other participant event is not this service's concern. Idempotent: a move heard twice finds the
 * pathway already in its new ACI and records nothing.
 */
public class ParticipantMoves {

    private static final Logger log = LoggerFactory.getLogger(ParticipantMoves.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Outcome { TRANSFERRED, IGNORED_TYPE, NO_PATHWAY }

    /** A record that can never be applied: the consumer logs it whole and goes on. */
    public static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason);
        }
    }

    private final CommandGateway commands;
    private final ParticipantPathways pathways;

    public ParticipantMoves(CommandGateway commands, ParticipantPathways pathways) {
        this.commands = commands;
        this.pathways = pathways;
    }

    public Outcome handle(String topicTerritory, String value) {
        JsonNode event;
        try {
            event = JSON.readTree(value == null ? "" : value);
        } catch (java.io.IOException e) {
            throw new Unusable("unparseable: " + e.getMessage());
        }
        if (event == null || !"ParticipantMoved".equals(event.path("type").asText())) {
            return Outcome.IGNORED_TYPE;
        }
        String participantId = text(event, "participantId");
        String toAciId = event.path("data").path("toAciId").asText(null);
        if (toAciId == null || !topicTerritory.equals(text(event, "territory"))) {
            throw new Unusable("a move without its target ACI, or of another territory than its topic's");
        }
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
                throw wrapped.getCause() instanceof fr.convergence.pathway.domain.RuleViolation refused
                        ? new Unusable(refused.getMessage()) : wrapped;
            } catch (fr.convergence.pathway.domain.RuleViolation refused) {
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
