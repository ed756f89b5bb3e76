package fr.convergence.partnership.api;

import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.store.ParticipantStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Object-level checks (OWASP API1) of an instance serving one territory or several (TERRITORIES, e.g. the local
 * run). Every object belongs to one territory; a caller who does not work in it sees none of it: its objects answer
 * 404 like missing ones, its lists and writes 403. ACI staff ({@code cip}) see only the participants of their own
 * ACI, whose ACI this service learns from the pathway events it consumes; a participant whose ACI is not known is
 * not theirs.
 *
 * <p>Which territory a request is about: the one it names ({@code territory} parameter or body field), else the
 * caller's own. A caller who works in several territories (a portfolio, issue 19 item 6) is taken to mean the one of
 * them this instance serves; if it serves several of them, the request must name one (400, field {@code territory}),
 * like a national caller on an instance serving several. A read that spans people rather than a territory (an ACI's
 * waiting needs, a participant named by id) covers all of the caller's territories served here.
 */
@Component
class TerritoryAccess {

    static final String NOT_YOURS = "territory-not-yours";

    private final ServedTerritories served;
    private final ParticipantStore participants;

    TerritoryAccess(ServedTerritories served, ParticipantStore participants) {
        this.served = served;
        this.participants = participants;
    }

    ServedTerritories served() {
        return served;
    }

    /** An object of {@code territory} (partner, referral …): 404 unless served here and seen by the caller. */
    void object(Caller caller, String kind, String id, String territory) {
        if (!served.serves(territory) || !caller.seesTerritory(territory)) {
            throw new NotFound(kind, id);
        }
    }

    /** The territory whose list or aggregate is read ({@code requested} may be null): 403 if not the caller's. */
    String list(Caller caller, String requested) {
        return scope(caller, requested, requested == null ? null : "territory");
    }

    /**
     * The territory a write lands in: the one the body names (optional), else the caller's. The caller must work in
     * it and this instance must serve it (403 otherwise).
     */
    String write(Caller caller, String bodyTerritory) {
        return scope(caller, bodyTerritory, bodyTerritory == null ? null : "territory");
    }

    private String scope(Caller caller, String requested, String field) {
        String territory = requested != null ? requested : defaultTerritory(caller);
        if (!served.serves(territory)) {
            throw notYours(field, "this instance serves " + served.all() + ", not " + territory);
        }
        if (!caller.seesTerritory(territory)) {
            throw notYours(field, "you do not work in territory " + territory);
        }
        return territory;
    }

    /** The territory a request naming none is about: the caller's own here, or this instance's for a national one. */
    private String defaultTerritory(Caller caller) {
        if (caller.national()) {
            // an instance serving every territory may serve one today and two tomorrow: the same request must not
            // change meaning when a territory opens, so it always names the territory
            if (served.growing() || served.all().size() != 1) {
                throw ApiException.badRequest("territory", "this instance serves " + served.all()
                        + "; name the territory (parameter or body field territory)");
            }
            return served.home();
        }
        if (caller.territories().isEmpty()) {   // a territorial token without its territory sees nothing
            throw notYours(null, "your token names no territory");
        }
        List<String> here = servedOf(caller);
        if (here.size() > 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, Caller.TERRITORY_REQUIRED, "territory",
                    "you work in several territories served here " + here
                            + ": name one (parameter or body field territory)");
        }
        // none served here: the caller's own (the first, for a portfolio), refused as not served
        return here.isEmpty() ? caller.territories().iterator().next() : here.get(0);
    }

    /**
     * The served territories a read about the caller's people spans: every served one for a national caller, else
     * the caller's own that this instance serves (a portfolio's union). 403 when there is none.
     */
    List<String> readable(Caller caller) {
        if (caller.national()) {
            return List.copyOf(served.all());
        }
        List<String> here = servedOf(caller);
        if (caller.aciStaff() && caller.territories().size() != 1) {   // an ACI lies in one territory: misconfigured
            throw notYours(null, "ACI staff work in the one territory of their ACI");
        }
        if (here.isEmpty()) {
            throw notYours(null, caller.territories().isEmpty() ? "your token names no territory"
                    : "this instance serves " + served.all() + ", none of your territories");
        }
        return here;
    }

    private List<String> servedOf(Caller caller) {
        return caller.territories().stream().filter(served::serves).toList();
    }

    /**
     * The territory of a participant the caller may see: 400 for an id that is no pseudonymous code (field
     * {@code participantId}), 404 otherwise, exactly like an unknown participant. A single-territory caller's
     * participant is in their territory; a national caller's, or a portfolio's, is in the served territory (of theirs)
     * that knows them.
     */
    String participant(Caller caller, String participantId) {
        if (participantId == null || !participantId.matches(Requests.CODE)) {
            throw ApiException.badRequest("participantId", "participantId must be a pseudonymous code matching "
                    + Requests.CODE);
        }
        String territory = territoryOf(caller, participantId);
        if (territory == null || !seesParticipant(caller, territory, participantId)) {
            throw new NotFound("participant", participantId);
        }
        return territory;
    }

    /**
     * A participant the caller may see AND the territory knows (from a pathway event or a referral), for a write that
     * creates something about them: 404 for an id the territory never heard of, so a mistyped id creates nothing.
     */
    String knownParticipant(Caller caller, String participantId) {
        String territory = participant(caller, participantId);
        if (participants.find(territory, participantId).isEmpty()) {
            throw new NotFound("participant", participantId);
        }
        return territory;
    }

    /** A participant named in a write's body: 403 when the caller may not act for them (unknown or not theirs). */
    void participantInBody(Caller caller, String territory, String participantId) {
        if (!seesParticipant(caller, territory, participantId)) {
            throw notYours("participantId", "participant " + participantId + " is not one of your ACI");
        }
    }

    /** Whether the caller sees this participant of the territory (CIP: only when known to be of their ACI). */
    boolean seesParticipant(Caller caller, String territory, String participantId) {
        if (!served.serves(territory) || !caller.seesTerritory(territory)) {
            return false;
        }
        if (caller.role() != Role.CIP) {
            return true;
        }
        String aci = participants.find(territory, participantId).map(ParticipantStore.ParticipantState::aciId)
                .orElse(null);
        return aci != null && caller.seesAci(territory, aci);
    }

    private String territoryOf(Caller caller, String participantId) {
        if (caller.territory() != null) {
            return caller.territory();
        }
        if (!caller.national() && !caller.portfolio()) {
            return null;   // a territorial token without its territory sees nothing
        }
        List<String> candidates = caller.national() ? List.copyOf(served.all()) : servedOf(caller);
        for (String territory : candidates) {   // a few exact reads; one when only one candidate is served
            if (participants.find(territory, participantId).isPresent()) {
                return territory;
            }
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static ApiException notYours(String field, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, NOT_YOURS, field, detail);
    }
}
