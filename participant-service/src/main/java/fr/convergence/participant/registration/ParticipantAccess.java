package fr.convergence.participant.registration;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.participant.accesslog.ParticipantVisibility;
import fr.convergence.participant.domain.AciId;
import org.springframework.http.HttpStatus;

/**
 * Object-level access to participants (OWASP API1). A participant of a territory — or, for ACI staff, of an ACI —
 * the caller does not work in answers 404 exactly like an unknown one, so their existence does not leak. A write
 * or a search that names a territory or ACI the caller does not work in is refused with 403
 * {@code territory-not-yours}.
 */
public class ParticipantAccess implements ParticipantVisibility {

    static final String NOT_YOURS = "territory-not-yours";

    private final ParticipantStore store;

    ParticipantAccess(ParticipantStore store) {
        this.store = store;
    }

    /** The participant, if they exist and the caller sees them; otherwise 404, the same as an unknown one. */
    StoredParticipant visible(Caller caller, String id) {
        return store.load(id).filter(p -> sees(caller, p.territory(), p.aciId()))
                .orElseThrow(() -> ApiException.notFound("participant", id));
    }

    /** For the access log: 404 unless the participant exists and the caller sees them. */
    @Override
    public void requireVisible(Caller caller, String id) {
        visible(caller, id);
    }

    /**
     * Whether the caller sees objects of this territory and ACI: any of the caller's territories (a portfolio holds
     * several), every territory for a national caller. A territorial role whose token lacks the claim that scopes it
     * (ACI staff without an ACI or with several territories, a coordinator without a territory) sees nothing:
     * {@link Caller#seesAci} fails closed on each.
     */
    static boolean sees(Caller caller, String territory, String aciId) {
        return caller.seesAci(territory, aciId);
    }

    /** An ACI named in a request body must be one the caller works in (its territory is part of its id). */
    static void requireWorksInAci(Caller caller, String aciId) {
        if (!sees(caller, AciId.territoryOf(aciId).orElse(null), aciId)) {
            throw notYours("aciId", "you do not work in ACI " + aciId);
        }
    }

    /** A territory named in a request body must be one of the caller's (ACI staff: the territory of their ACI). */
    static void requireWorksInTerritory(Caller caller, String territory) {
        if (!sees(caller, territory, caller.aciId())) {
            throw notYours("territory", "you do not work in territory " + territory);
        }
    }

    private static ApiException notYours(String field, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, NOT_YOURS, field, detail);
    }
}
