package fr.convergence.pathway.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.domain.PathwayState;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.event.PathwayEvent;
import fr.convergence.pathway.store.StoredEvent;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Reads pathways straight from their streams: one lookup, then the domain's own fold. */
@Component
public class PathwayQueries {

    private final StreamDocumentStorageEngine store;
    private final Clock clock;

    PathwayQueries(StreamDocumentStorageEngine store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public StoredStream stream(String pathwayId) {
        return store.load(pathwayId).orElseThrow(() -> ApiException.notFound("pathway", pathwayId));
    }

    public PathwayView current(String pathwayId) {
        return asOf(pathwayId, LocalDate.now(clock));
    }

    /** The state as of the end of {@code date}: events that happened on or before it, replayed in order. */
    public PathwayView asOf(String pathwayId, LocalDate date) {
        StoredStream stream = stream(pathwayId);
        PathwayState state = new PathwayState();
        long applied = 0;
        for (StoredEvent stored : stream.events()) {
            PathwayEvent event = (PathwayEvent) stored.message().getPayload();
            if (!event.occurredOn().isAfter(date)) {
                state.apply(event);
                applied++;
            }
        }
        if (!state.hired()) {
            throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-hired-yet", "asOf",
                    "pathway " + pathwayId + " had not started on " + date);
        }
        return PathwayView.of(state, date, applied);
    }

    /** Whether a pathway exists and is still open (used to enforce one open pathway per participant). */
    public boolean isOpen(String pathwayId) {
        Optional<StoredStream> stream = store.load(pathwayId);
        if (stream.isEmpty()) {
            return false;
        }
        PathwayState state = new PathwayState();
        stream.get().events().forEach(e -> state.apply((PathwayEvent) e.message().getPayload()));
        return state.status() == PathwayStatus.ACTIVE;
    }
}
