package fr.convergence.partnership.consuming;

import com.mongodb.MongoException;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.RuleViolation;
import fr.convergence.partnership.domain.StateConflict;
import fr.convergence.partnership.store.DeadLetterStore;
import org.bson.Document;

import java.util.List;

/** Lists parked pathway events and reprocesses one on demand (e.g. after the mapping table was fixed). */
public class DeadLetterService {

    private final DeadLetterStore store;
    private final PathwayEventHandler handler;

    public DeadLetterService(DeadLetterStore store, PathwayEventHandler handler) {
        this.store = store;
        this.handler = handler;
    }

    public List<Document> list() {
        return store.list();
    }

    /**
     * Runs the parked record through the handler again; it stays parked, with the new reason, if it still fails.
     * {@code by} (the administrator) is kept on the letter.
     */
    public PathwayEventHandler.Outcome retry(String id, String by) {
        Document letter = store.find(id).orElseThrow(() -> new NotFound("dead letter", id));
        if (!"PARKED".equals(letter.getString("status"))) {
            throw new StateConflict("dead-letter-not-parked", "dead letter " + id + " is " + letter.getString("status"));
        }
        try {
            PathwayEventHandler.Outcome outcome = handler.handle(letter.getString("topic"), letter.getString("value"));
            store.reprocessed(id, by);
            return outcome;
        } catch (MongoException unavailable) {
            throw unavailable;
        } catch (RuntimeException still) {
            store.failedAgain(id, still.getMessage(), still instanceof PoisonEvent p ? p.detail() : null, by);
            throw new RuleViolation("dead-letter-still-failing", "value", "still failing: " + still.getMessage());
        }
    }
}
