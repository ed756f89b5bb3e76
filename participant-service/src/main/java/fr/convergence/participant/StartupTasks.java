package fr.convergence.participant;

import fr.convergence.participant.publishing.OutboxRelay;
import fr.convergence.participant.reference.ReferenceSeeder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On start: seed reference data if there is none, then publish whatever a previous run left in the outboxes. */
@Component
class StartupTasks {

    private final ReferenceSeeder seeder;
    private final OutboxRelay relay;

    StartupTasks(ReferenceSeeder seeder, OutboxRelay relay) {
        this.seeder = seeder;
        this.relay = relay;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        seeder.seedIfEmpty();
        relay.recoverPending();
    }
}
