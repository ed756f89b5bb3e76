package fr.convergence.pathway.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.domain.PathwayState;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.ProgrammeRules;
import fr.convergence.pathway.domain.event.EventDateCorrected;
import fr.convergence.pathway.domain.event.ExitCancelled;
import fr.convergence.pathway.domain.event.PathwayEvent;
import fr.convergence.pathway.domain.Pathway;
import fr.convergence.pathway.store.Appended;
import fr.convergence.pathway.store.StoredEvent;
import fr.convergence.pathway.store.StoredStream;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import fr.convergence.pathway.store.StreamDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads pathways straight from their streams: one lookup, then the domain's own fold. */
@Component
public class PathwayQueries {

    private final StreamDocumentStorageEngine store;
    private final Clock clock;
    private final ProgrammeRules rules;

    PathwayQueries(StreamDocumentStorageEngine store, Clock clock, ProgrammeRules rules) {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
    }

    public StoredStream stream(String pathwayId) {
        return store.load(pathwayId).orElseThrow(() -> ApiException.notFound("pathway", pathwayId));
    }

    public PathwayView current(String pathwayId) {
        return asOf(pathwayId, LocalDate.now(clock));
    }

    /**
     * The current view after a command, from what the command has at hand: the state of the aggregate that handled
     * it (or, for a new pathway, the fold of the events it stored) and the version its append reached — no reload.
     * The same as {@link #current} whenever no event is dated after today, which the rules guarantee (every date
     * is checked not to be in the future); otherwise empty, and the caller reads the stream.
     */
    public Optional<PathwayView> afterCommand(Object handler, Appended stored) {
        PathwayState state;
        if (handler instanceof Pathway pathway && pathway.state() != null) {
            state = pathway.state();
        } else if (stored.firstSequence() == 0) {
            state = new PathwayState();
            for (StoredEvent e : stored.events()) {
                state.apply((PathwayEvent) e.message().getPayload(), e.message().getSequenceNumber());
            }
        } else {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate latest = state.latestDate();
        if (!state.hired() || latest != null && latest.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(PathwayView.of(state, today, stored.version(), rules));
    }

    /**
     * The state as of the end of {@code date}: events that happened on or before it, replayed in order. Dates are
     * the corrected ones (what is known now of what had happened by then): an event whose date was corrected counts
     * from its right date, and a correction applies whenever the event it corrects does.
     */
    public PathwayView asOf(String pathwayId, LocalDate date) {
        StoredStream stream = stream(pathwayId);
        Map<Long, LocalDate> rightDates = new HashMap<>();
        for (StoredEvent stored : stream.events()) {
            if (stored.message().getPayload() instanceof EventDateCorrected c) {
                rightDates.put(c.correctedSequence(), c.rightDate());
            }
        }
        Set<Long> included = new HashSet<>();
        PathwayState state = new PathwayState();
        long applied = 0;
        for (StoredEvent stored : stream.events()) {
            PathwayEvent event = (PathwayEvent) stored.message().getPayload();
            long sequence = stored.message().getSequenceNumber();
            boolean counts;
            if (event instanceof EventDateCorrected c) {
                counts = included.contains(c.correctedSequence());
            } else if (event instanceof ExitCancelled c) {
                counts = included.contains(c.exitSequence());
            } else {
                counts = !rightDates.getOrDefault(sequence, event.occurredOn()).isAfter(date);
            }
            if (counts) {
                included.add(sequence);
                state.apply(event, sequence);
                applied++;
            }
        }
        if (!state.hired()) {
            throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-hired-yet", "asOf",
                    "pathway " + pathwayId + " had not started on " + date);
        }
        return PathwayView.of(state, date, applied, rules);
    }

    /** Where a pathway lives and how far it is, read from its stream's index fields (no replay). */
    public record Located(String pathwayId, String territory, String aciId, String participantId,
                          PathwayStatus status) {
    }

    /** The pathway's territory, ACI and status; empty if it does not exist. */
    public Optional<Located> locate(String pathwayId) {
        return store.documents().indexFields(pathwayId).map(PathwayQueries::located);
    }

    /** Where the pathway of this stream document lives, from its index fields. */
    public static Located located(Document d) {
        return new Located(d.getString(StreamDocuments.ID), d.getString(StreamDocuments.TERRITORY),
                d.getString(StreamDocuments.ACI), d.getString(StreamDocuments.PARTICIPANT),
                d.getString("status") == null ? null : PathwayStatus.valueOf(d.getString("status")));
    }

    /**
     * Whether a pathway exists and is still open (used to enforce one open pathway per participant). The stream
     * document's {@code status} is set in the same write as the events that change it, so it is never behind them.
     */
    public boolean isOpen(String pathwayId) {
        return locate(pathwayId).map(p -> p.status() == PathwayStatus.ACTIVE).orElse(false);
    }
}
