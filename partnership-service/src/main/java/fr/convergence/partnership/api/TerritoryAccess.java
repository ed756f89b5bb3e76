package fr.convergence.partnership.api;

import fr.convergence.kit.PlatformProperties;
import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.store.ParticipantStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Object-level checks of this territory's instance (OWASP API1). Everything this instance holds belongs to the
 * territory it serves, so a caller of another territory sees none of it: its objects answer 404 like missing ones,
 * its lists and writes 403. ACI staff ({@code cip}) see only the participants of their own ACI, whose ACI this
 * service learns from the pathway events it consumes; a participant whose ACI is not known is not theirs.
 */
@Component
class TerritoryAccess {

    static final String NOT_YOURS = "territory-not-yours";

    private final String territory;
    private final ParticipantStore participants;

    TerritoryAccess(PlatformProperties platform, ParticipantStore participants) {
        this.territory = platform.territory();
        this.participants = participants;
    }

    String territory() {
        return territory;
    }

    /** An object of this instance (partner, referral list …): 404 for a caller of another territory. */
    void object(Caller caller, String kind, String id) {
        if (!caller.seesTerritory(territory)) {
            throw new NotFound(kind, id);
        }
    }

    /** This territory's list or aggregate: asking for another territory's list is refused (403). */
    void list(Caller caller) {
        if (!caller.seesTerritory(territory)) {
            throw notYours(null, "this instance serves " + territory + ", not your territory");
        }
    }

    /**
     * A write in this territory: the caller must work in it, and a territory the body names (optional) must be the
     * caller's and this instance's.
     */
    void write(Caller caller, String bodyTerritory) {
        if (!caller.seesTerritory(territory)) {
            throw notYours(null, "this instance serves " + territory + ", not your territory");
        }
        if (bodyTerritory != null && (!bodyTerritory.equals(territory) || !caller.seesTerritory(bodyTerritory))) {
            throw notYours("territory", "you do not work in territory " + bodyTerritory);
        }
    }

    /**
     * A participant the caller may see: 400 for an id that is no pseudonymous code (field {@code participantId}),
     * 404 otherwise, exactly like an unknown participant.
     */
    void participant(Caller caller, String participantId) {
        if (participantId == null || !participantId.matches(Requests.CODE)) {
            throw ApiException.badRequest("participantId", "participantId must be a pseudonymous code matching "
                    + Requests.CODE);
        }
        if (!seesParticipant(caller, participantId)) {
            throw new NotFound("participant", participantId);
        }
    }

    /**
     * A participant the caller may see AND the territory knows (from a pathway event or a referral), for a write that
     * creates something about them: 404 for an id the territory never heard of, so a mistyped id creates nothing.
     */
    void knownParticipant(Caller caller, String participantId) {
        participant(caller, participantId);
        if (participants.find(territory, participantId).isEmpty()) {
            throw new NotFound("participant", participantId);
        }
    }

    /** A participant named in a write's body: 403 when the caller may not act for them (unknown or not theirs). */
    void participantInBody(Caller caller, String participantId) {
        if (!seesParticipant(caller, participantId)) {
            throw notYours("participantId", "participant " + participantId + " is not one of your ACI");
        }
    }

    /** Whether the caller sees this participant of the territory (CIP: only when known to be of their ACI). */
    boolean seesParticipant(Caller caller, String participantId) {
        if (!caller.seesTerritory(territory)) {
            return false;
        }
        if (caller.role() != Role.CIP) {
            return true;
        }
        // a CIP token without an ACI must not widen to the whole territory
        String aci = participants.find(territory, participantId).map(ParticipantStore.ParticipantState::aciId)
                .orElse(null);
        return caller.aciId() != null && aci != null && caller.seesAci(territory, aci);
    }

    private static ApiException notYours(String field, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, NOT_YOURS, field, detail);
    }
}
