package fr.convergence.reporting.ingest;

import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.reporting.projection.GenerationFold;
import fr.convergence.reporting.projection.InvalidEventException;
import fr.convergence.reporting.projection.PathwayEvent;
import fr.convergence.reporting.projection.TerritoryMismatchException;
import fr.convergence.reporting.projection.ReferralEvent;
import fr.convergence.reporting.store.ApplyOutcome;
import fr.convergence.reporting.store.Projector;
import fr.convergence.kit.web.Correlation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes one record to the projector by its stream. An event that cannot be parsed or applied is parked in
 * the dead letters and the consumer goes on; a store failure (MongoDB down) is not the event's fault and is
 * thrown so that the consumer retries from its last commit.
 *
 * <p>A polled batch is one unit of work ({@link #handleBatch}): each record is folded onto the projector's
 * buffer (a failing one changes nothing there and goes to the dead letters), then the buffer is written with a
 * few bulk commands, before the caller commits the offsets.
 */
@Component
public class RecordHandler {

    /** The name this service's consumers park their letters under. */
    public static final String CONSUMER = "projections";

    private final DeadLetterStore deadLetters;

    public RecordHandler(DeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
        // registered at zero, so that dashboards and alerts see the series before the first dead letter
        deadLetters.expect(CONSUMER, InvalidEventException.INVALID_EVENT, TerritoryMismatchException.TERRITORY_MISMATCH);
    }

    /** The dead letter's reason code for a failure: the event's own code, {@code invalid-event} otherwise. */
    public static String reasonOf(RuntimeException failure) {
        return failure instanceof InvalidEventException invalid ? invalid.reason() : InvalidEventException.INVALID_EVENT;
    }

    /**
     * Handles every record of a polled batch against the projector's buffer, then flushes it: once this returns,
     * the batch is stored and its offsets may be committed. A store failure propagates (nothing committed).
     *
     * @return each record's outcome, in order
     */
    public List<ApplyOutcome> handleBatch(Iterable<ConsumerRecord<String, String>> records, Projector projector) {
        // each pathway record is parsed once: for the prefetch of its pathway and for its folding
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        List<PathwayEvent> parsed = new ArrayList<>();
        List<String> pathwayIds = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            PathwayEvent event = parsePathway(record);
            batch.add(record);
            parsed.add(event);
            if (event != null) {
                pathwayIds.add(event.pathwayId());
            }
        }
        projector.prefetch(pathwayIds);
        List<ApplyOutcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, String> record = batch.get(i);
            // the producer's correlation id follows the event into this service's logs
            Header correlation = record.headers().lastHeader(Correlation.HEADER);
            Correlation.set(correlation == null ? "kafka:" + record.topic() + ":" + record.offset()
                    : new String(correlation.value(), StandardCharsets.UTF_8));
            try {
                PathwayEvent event = parsed.get(i);
                outcomes.add(event == null ? handle(record, projector) : handle(record, event, projector));
            } finally {
                Correlation.clear();
            }
        }
        projector.flush();
        return outcomes;
    }

    /** A pathway record's event, or null for another stream's record or one that does not parse (left to the main pass). */
    private static PathwayEvent parsePathway(ConsumerRecord<String, String> record) {
        if (!Streams.PATHWAY.matcher(record.topic()).matches()) {
            return null;
        }
        try {
            return EventParser.pathway(record.topic(), record.value());
        } catch (RuntimeException unparsable) {
            return null;   // parsed again by the main pass, which dead-letters it with its reason
        }
    }

    /** {@link #handle(ConsumerRecord, Projector)} for a pathway record already parsed. */
    private ApplyOutcome handle(ConsumerRecord<String, String> record, PathwayEvent event, Projector projector) {
        try {
            return projector.applyPathway(event);
        } catch (InvalidEventException | IllegalArgumentException e) {
            deadLetter(record, e);
            return ApplyOutcome.IGNORED;
        }
    }

    /** Folds one record onto the projector's buffer (see {@link #handleBatch}); the caller flushes. */
    public ApplyOutcome handle(ConsumerRecord<String, String> record, Projector projector) {
        try {
            return apply(record.topic(), record.value(), projector);
        } catch (InvalidEventException | IllegalArgumentException e) {
            deadLetter(record, e);
            return ApplyOutcome.IGNORED;
        }
    }

    /**
     * Folds one record into a rebuild's in-memory generation, parsed once; a record the live consumer would
     * dead-letter is dead-lettered the same way (same letter id, reason and detail) and the rebuild goes on.
     *
     * @return false when the record was dead-lettered
     */
    public boolean fold(ConsumerRecord<String, String> record, GenerationFold fold) {
        try {
            apply(record.topic(), record.value(), fold);
            return true;
        } catch (InvalidEventException | IllegalArgumentException e) {
            Header correlation = record.headers().lastHeader(Correlation.HEADER);
            Correlation.set(correlation == null ? "kafka:" + record.topic() + ":" + record.offset()
                    : new String(correlation.value(), StandardCharsets.UTF_8));
            try {
                deadLetter(record, e);
            } finally {
                Correlation.clear();
            }
            return false;
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException failure) {
        deadLetters.park(CONSUMER, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reasonOf(failure), failure.getMessage());
    }

    /** The routing of {@link #apply(String, String, Projector)}, onto a rebuild's in-memory fold. */
    static void apply(String topic, String value, GenerationFold fold) {
        if (Streams.PATHWAY.matcher(topic).matches()) {
            fold.applyPathway(EventParser.pathway(topic, value));
        } else if (Streams.PARTNERSHIP.matcher(topic).matches()) {
            ReferralEvent referral = EventParser.referral(topic, value);
            if (referral != null) {
                fold.applyReferral(referral);
            }
        } else if (Streams.PARTICIPANT.matcher(topic).matches()) {
            fold.applyParticipant(EventParser.participant(topic, value));
        }
    }

    /**
     * Parses, applies and writes one value at once, for callers outside the consumer loop (dead-letter retry);
     * throws {@link InvalidEventException} when it cannot, leaving the projector's buffer as it was.
     */
    public static ApplyOutcome applyNow(String topic, String value, Projector projector) {
        // one hold of the projector's lock: the live consumer cannot discard this record between apply and flush
        synchronized (projector) {
            ApplyOutcome outcome = apply(topic, value, projector);
            projector.flush();
            return outcome;
        }
    }

    /** Parses and folds one value onto the projector's buffer; throws {@link InvalidEventException} when it cannot. */
    public static ApplyOutcome apply(String topic, String value, Projector projector) {
        if (Streams.PATHWAY.matcher(topic).matches()) {
            return projector.applyPathway(EventParser.pathway(topic, value));
        }
        if (Streams.PARTNERSHIP.matcher(topic).matches()) {
            ReferralEvent referral = EventParser.referral(topic, value);
            // partner and agreement events share the stream; no national figure reads them
            return referral == null ? ApplyOutcome.IGNORED : projector.applyReferral(referral);
        }
        if (Streams.PARTICIPANT.matcher(topic).matches()) {
            return projector.applyParticipant(EventParser.participant(topic, value));
        }
        return ApplyOutcome.IGNORED;
    }
}
