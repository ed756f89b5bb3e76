package fr.convergence.kit.deadletter;

import com.mongodb.MongoException;
import fr.convergence.kit.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An administrator's actions on dead letters: replay one through the service's {@link DeadLetterReplay}, or
 * discard one with a note saying why. Only a PARKED letter can be acted on (409 otherwise), so two administrators
 * cannot both replay it.
 */
public class DeadLetterAdmin {

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    public DeadLetterAdmin(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    public List<DeadLetter> list(String status) {
        return store.list(status);
    }

    /** Applies the record again: REPROCESSED with the outcome, or still PARKED with the new reason (422). */
    public String retry(String id, String by) {
        DeadLetter letter = parked(id);
        String outcome;
        try {
            outcome = replay.replay(letter);
        } catch (MongoException unavailable) {
            throw unavailable;   // the store, not the record: 503, the letter stays as it was
        } catch (RuntimeException still) {
            DeadLetterReplay.Failure failure = replay.describe(still);
            store.failedAgain(id, failure, by);
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "dead-letter-still-failing", null,
                    "the record still cannot be applied (" + failure.reason() + "): " + failure.detail());
        }
        store.reprocessed(id, by);
        return outcome;
    }

    /** Gives up on a record for good, saying why; the letter stays on record as DISCARDED. */
    public void discard(String id, String by, String note) {
        parked(id);
        store.discarded(id, by, note);
    }

    private DeadLetter parked(String id) {
        DeadLetter letter = store.find(id).orElseThrow(() -> ApiException.notFound("dead letter", id));
        if (!DeadLetter.PARKED.equals(letter.status())) {
            throw ApiException.conflict("dead-letter-not-parked", "dead letter " + id + " is " + letter.status());
        }
        return letter;
    }
}
