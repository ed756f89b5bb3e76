package fr.convergence.partnership.consuming;

import fr.convergence.kit.deadletter.DeadLetter;
import fr.convergence.kit.deadletter.DeadLetterReplay;

/** A parked pathway event goes through the consumer's own handler again (e.g. after the mapping table was fixed). */
public class PathwayEventReplay implements DeadLetterReplay {

    /** The name the pathway-event consumer parks its letters under. */
    public static final String CONSUMER = "pathway-events";

    private final PathwayEventHandler handler;

    public PathwayEventReplay(PathwayEventHandler handler) {
        this.handler = handler;
    }

    @Override
    public String replay(DeadLetter letter) {
        return handler.handle(letter.topic(), letter.value()).name();
    }

    @Override
    public Failure describe(RuntimeException failure) {
        return failure instanceof PoisonEvent p ? new Failure(p.getMessage(), p.detail())
                : new Failure("failed: " + failure.getClass().getSimpleName(), failure.getMessage());
    }
}
