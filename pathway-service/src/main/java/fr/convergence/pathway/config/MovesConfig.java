package fr.convergence.pathway.config;

import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.kit.kafka.TerritoryConsumers;
import fr.convergence.pathway.moves.ParticipantMoves;
import fr.convergence.pathway.moves.ParticipantMovesConsumer;
import fr.convergence.pathway.store.ParticipantPathways;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Who belongs to which ACI, and pathways that follow their participant: one participant-topic consumer per served
 * territory, including each territory an instance serving every territory learns while it runs.
 */
@Configuration
class MovesConfig {

    private TerritoryConsumers consumers;
    private boolean stopped;

    @Bean
    fr.convergence.pathway.store.ParticipantAcis participantAcis(com.mongodb.client.MongoDatabase database) {
        return new fr.convergence.pathway.store.ParticipantAcis(database.getCollection("participant_acis"));
    }

    @Bean
    ParticipantMoves participantMoves(CommandGateway commands, ParticipantPathways pathways,
                                      fr.convergence.pathway.store.ParticipantAcis acis) {
        return new ParticipantMoves(commands, pathways, acis);
    }

    /** A parked participant event goes through the same handler again (service-kit keeps the letters and their API). */
    @Bean
    fr.convergence.kit.deadletter.DeadLetterReplay participantMovesReplay(ParticipantMoves moves) {
        return new fr.convergence.pathway.moves.ParticipantMovesReplay(moves);
    }

    /**
     * Started once the command bus and store are ready, so that no move is handled half-wired: one consumer per
     * served territory, and on an instance serving every territory ({@code TERRITORIES=*}) one more for each territory
     * opened while it runs (service-kit's {@link TerritoryConsumers}). Group
     * {@code pathway-service.<territory>.participant-moves} either way: a territory's offsets do not depend on how it
     * came to be served.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startConsumers(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        KafkaClients kafka = context.getBean(KafkaClients.class);
        ParticipantMoves moves = context.getBean(ParticipantMoves.class);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        DeadLetterStore deadLetters = context.getBean(DeadLetterStore.class);
        synchronized (this) {
            if (stopped) {
                return;
            }
            consumers = new TerritoryConsumers(context.getBean(ServedTerritories.class),
                    territory -> ParticipantMovesConsumer.create(kafka, territory, moves, deadLetters, meters));
        }
        consumers.start();
    }

    @jakarta.annotation.PreDestroy
    void stopConsumers() throws InterruptedException {
        TerritoryConsumers running;
        synchronized (this) {
            stopped = true;
            running = consumers;
        }
        if (running != null) {
            running.close();
        }
    }
}
