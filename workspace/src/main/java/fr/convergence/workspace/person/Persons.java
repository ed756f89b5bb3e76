package fr.convergence.workspace.person;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One person as the CIP's pages need them: the participant record (an audited read with the case-follow-up
 * purpose) and their pathway in the CIP's ACI. The services decide what the caller sees: a person of another ACI
 * comes back as participant-service's 404.
 */
@Component
public class Persons {

    private final ParticipantsApi participants;
    private final PathwaysApi pathways;

    Persons(ParticipantsApi participants, PathwaysApi pathways) {
        this.participants = participants;
        this.pathways = pathways;
    }

    public JsonNode participant(StaffMember who, String participantId) {
        return participants.read(who, participantId);
    }

    /**
     * The person's current pathway: the open one, else the latest. pathway-service lists by ACI, not by person, so
     * this reads the ACI's list (a few hundred summaries at most) and picks theirs.
     */
    public Optional<JsonNode> currentPathway(StaffMember who, String participantId) {
        return currentPathway(who, participantId, who.aciId());
    }

    /** The same, in the given ACI (the person's own, for a coordinator of the territory, who has none). */
    public Optional<JsonNode> currentPathway(StaffMember who, String participantId, String aciId) {
        if (aciId == null) {
            return Optional.empty();
        }
        Optional<String> id = pathways.ofAci(who, aciId).stream()
                .filter(p -> participantId.equals(p.path("participantId").asString()))
                .max(Comparator.comparing((JsonNode p) -> "ACTIVE".equals(p.path("status").asString()))
                        .thenComparing(p -> p.path("startedOn").asString("")))
                .map(p -> p.path("pathwayId").asString());
        return id.map(pathwayId -> pathways.read(who, pathwayId));
    }

    /** The pathway, checked to be this person's (a URL pairing one person with another's pathway is not found). */
    public JsonNode pathwayOf(StaffMember who, String participantId, String pathwayId) {
        JsonNode pathway = pathways.read(who, pathwayId);
        if (!participantId.equals(pathway.path("participantId").asString())) {
            throw new ServiceProblem(404, "not-found", null, "pathway of another person", List.of());
        }
        return pathway;
    }

    /** "Prénom NOM" as staff write it; an erased person reads as such. */
    public static String displayName(JsonNode participant) {
        if (participant.path("erased").asBoolean(false)) {
            return "Personne effacée";
        }
        return (participant.path("firstName").asString("") + " " + participant.path("lastName").asString("")
                .toUpperCase(java.util.Locale.FRENCH)).trim();
    }
}
