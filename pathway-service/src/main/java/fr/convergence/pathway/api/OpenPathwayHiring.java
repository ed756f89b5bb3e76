package fr.convergence.pathway.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.store.OpenPathwayRegistry;
import fr.convergence.pathway.store.ParticipantAcis;
import fr.convergence.pathway.store.ParticipantPathways;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a hire (and the cancellation of an exit, which opens a pathway again) writes besides the pathway itself: the
 * one-open-pathway-per-participant claim, the participant's index of pathways, and the check that the participant
 * belongs to the hiring ACI. Kept out of the controller so that the web layer never touches a store.
 */
@Component
class OpenPathwayHiring {

    private final OpenPathwayRegistry openPathways;
    private final ParticipantPathways participantPathways;
    private final ParticipantAcis participantAcis;
    private final PathwayQueries queries;

    OpenPathwayHiring(OpenPathwayRegistry openPathways, ParticipantPathways participantPathways,
                      ParticipantAcis participantAcis, PathwayQueries queries) {
        this.openPathways = openPathways;
        this.participantPathways = participantPathways;
        this.participantAcis = participantAcis;
        this.queries = queries;
    }

    /**
     * A person of another ACI is not the caller's to hire, nor to learn anything about (not even whether they have an
     * open pathway): the same 404 as an unknown id. A person whose registration has not been heard yet (an instant
     * after it) is let through: no other ACI can know such an id.
     */
    void requireOfAci(String participantId, String aciId) {
        participantAcis.aciOf(participantId).filter(aci -> !aci.equals(aciId)).ifPresent(other -> {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "participantId",
                    "participant " + participantId + " is not one of ACI " + aciId);
        });
    }

    /** Indexes the pathway under its participant: done before hiring, as an audit must never miss a pathway. */
    void index(String participantId, String pathwayId) {
        participantPathways.add(participantId, pathwayId);
    }

    /** Claims the participant's one open pathway for this one; answers the pathway still open that blocks it. */
    Optional<String> claim(String participantId, String pathwayId) {
        return openPathways.claim(participantId, pathwayId, queries::isOpen);
    }

    /** Undoes {@link #index} and {@link #claim} after a refused hire. */
    void undo(String participantId, String pathwayId) {
        openPathways.release(participantId, pathwayId);
        participantPathways.forget(participantId, pathwayId);
    }
}
