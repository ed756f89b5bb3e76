package fr.convergence.partnership.consuming;

import com.mongodb.MongoException;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.kit.kafka.ConsumerLoop;
import fr.convergence.kit.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Arrays;
import java.util.Optional;

/**
 * What this service's consumer of one served territory is, on service-kit's {@link ConsumerLoop} (which owns the
 * polling, commits, retries, dead letters and shutdown): the territory's pathway topic (the only one whose events may
 * change that territory's data; picked up within {@code metadata.max.age.ms} if created later) and its participant
 * topic (its ParticipantErased must reach this service, issue 21 finding 8), both through {@link PathwayEventHandler},
 * in the group it is given, 200 records a poll.
 * <ul>
 *   <li>Poison (unparseable, incomplete, or failing for a non-infrastructure reason): parked under
 *   {@link PathwayEventReplay#CONSUMER} with its reason, counted by {@code partnership.pathway.events.dead_lettered},
 *   and the consumer goes on.</li>
 *   <li>MongoDB unavailable: nothing is parked; the record is retried after a pause (at-least-once; the handler is
 *   idempotent by event id and pathway sequence).</li>
 * </ul>
 */
public final class PathwayEventConsumer {

    private PathwayEventConsumer() {
    }

    public static ConsumerLoop create(KafkaClients kafka, String territory, String groupId, int metadataMaxAgeMs,
                                      PathwayEventHandler handler, DeadLetterStore deadLetters, MeterRegistry meters) {
        String topic = Topics.pathway(territory);
        return new ConsumerLoop(kafka,
                ConsumerLoop.Reading.topics(groupId, 200, metadataMaxAgeMs, topic, Topics.participant(territory)),
                new ConsumerLoop.Handling(r -> handler.handle(r.topic(), r.value()).name(),
                        PathwayEventConsumer::poison, deadLetters, PathwayEventReplay.CONSUMER),
                new ConsumerLoop.Counting(meters, "partnership.pathway.events", Tags.empty(),
                        Arrays.stream(PathwayEventHandler.Outcome.values()).map(Enum::name).toList()),
                "pathway-event-consumer-" + topic, false);
    }

    /** A store outage is nobody's fault and is retried; every other failure is the record's. */
    static Optional<DeadLetterReplay.Failure> poison(RuntimeException failure) {
        if (failure instanceof MongoException) {
            return Optional.empty();
        }
        return Optional.of(failure instanceof PoisonEvent p ? new DeadLetterReplay.Failure(p.getMessage(), p.detail())
                : new DeadLetterReplay.Failure("failed: " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage(), null));
    }
}
