package fr.convergence.reporting.ingest;

import fr.convergence.reporting.deadletter.DeadLetters;
import fr.convergence.reporting.projection.InvalidEventException;
import fr.convergence.reporting.projection.ReferralEvent;
import fr.convergence.reporting.store.ApplyOutcome;
import fr.convergence.reporting.store.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Routes one record to the projector by its stream. An event that cannot be parsed or applied is parked in
 * the dead letters and the consumer goes on; a store failure (MongoDB down) is not the event's fault and is
 * thrown so that the consumer retries from its last commit.
 */
@Component
public class RecordHandler {

    private final DeadLetters deadLetters;

    public RecordHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public ApplyOutcome handle(ConsumerRecord<String, String> record, Projector projector) {
        try {
            return apply(record.topic(), record.value(), projector);
        } catch (InvalidEventException | IllegalArgumentException e) {
            deadLetters.park(record.topic(), record.partition(), record.offset(), record.key(), record.value(), e);
            return ApplyOutcome.IGNORED;
        }
    }

    /** Parses and applies one value; throws {@link InvalidEventException} when it cannot. */
    public static ApplyOutcome apply(String topic, String value, Projector projector) {
        if (Streams.PATHWAY.matcher(topic).matches()) {
            return projector.applyPathway(EventParser.pathway(topic, value));
        }
        if (Streams.PARTNERSHIP.matcher(topic).matches()) {
            ReferralEvent referral = EventParser.referral(topic, value);
            // partner and agreement events share the stream; no national figure reads them
            return referral == null ? ApplyOutcome.IGNORED : projector.applyReferral(referral);
        }
        return ApplyOutcome.IGNORED;
    }
}
