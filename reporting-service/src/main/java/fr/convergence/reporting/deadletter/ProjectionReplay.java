package fr.convergence.reporting.deadletter;

import fr.convergence.kit.deadletter.DeadLetter;
import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.Projections;
import org.springframework.stereotype.Component;

/**
 * A parked record is applied again to the active generation's projections (service-kit keeps the letters and
 * their admin API at {@code /api/reporting/dead-letters}). Dead letters are about the stream, not a generation: a
 * rebuild that meets the same record parks the same letter again.
 */
@Component
public class ProjectionReplay implements DeadLetterReplay {

    private final ActiveGeneration active;
    private final Projections projections;

    public ProjectionReplay(ActiveGeneration active, Projections projections) {
        this.active = active;
        this.projections = projections;
    }

    @Override
    public String replay(DeadLetter letter) {
        return RecordHandler.applyNow(letter.topic(), letter.value(), projections.projector(active.current())).name();
    }

    @Override
    public Failure describe(RuntimeException failure) {
        return new Failure(RecordHandler.reasonOf(failure), failure.getMessage());
    }
}
