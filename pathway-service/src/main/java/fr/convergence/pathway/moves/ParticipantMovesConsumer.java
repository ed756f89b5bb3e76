package fr.convergence.pathway.moves;

import fr.convergence.contracts.Topics;
import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.kit.kafka.ConsumerLoop;
import fr.convergence.kit.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Optional;

/**
 * What this service's consumer of one served territory's participant topic is, on service-kit's
 * {@link ConsumerLoop} (which owns the polling, commits, retries, dead letters and shutdown): group
 * {@code pathway-service.<territory>.participant-moves}, 100 records a poll, each through {@link ParticipantMoves}.
 * A record that can never apply ({@link ParticipantMoves.Unusable}, or a programme rule refusing the transfer) is
 * parked in the dead letters under {@link ParticipantMovesReplay#CONSUMER} (replayed by an administrator) and passed;
 * anything else (the store or the command bus failing) is retried from that record after a pause that doubles up to
 * 10 s: at least once, and the handler is idempotent. Counted by
 * {@code pathway.participant.events{territory,outcome}} and {@code pathway.participant.events.dead_lettered{territory}}.
 */
public final class ParticipantMovesConsumer {

    private ParticipantMovesConsumer() {
    }

    public static ConsumerLoop create(KafkaClients kafka, String territory, ParticipantMoves moves,
                                      DeadLetterStore deadLetters, MeterRegistry meters) {
        return new ConsumerLoop(kafka,
                ConsumerLoop.Reading.topics("pathway-service." + territory + ".participant-moves", 100, 5_000,
                        Topics.participant(territory)),
                new ConsumerLoop.Handling(r -> moves.handle(territory, r.value()).name(),
                        ParticipantMovesConsumer::poison, deadLetters, ParticipantMovesReplay.CONSUMER),
                new ConsumerLoop.Counting(meters, "pathway.participant.events", Tags.of("territory", territory),
                        List.of()),
                "participant-moves-" + territory, true);
    }

    /** Only what can never apply is parked; every other failure is the infrastructure's and is retried. */
    static Optional<DeadLetterReplay.Failure> poison(RuntimeException failure) {
        return failure instanceof ParticipantMoves.Unusable never
                ? Optional.of(new DeadLetterReplay.Failure(ParticipantMovesReplay.UNUSABLE, never.getMessage()))
                : Optional.empty();
    }
}
