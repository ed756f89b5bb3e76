package fr.convergence.participant.reference;

import com.mongodb.client.MongoDatabase;
import fr.convergence.participant.publishing.EventClock;
import fr.convergence.participant.publishing.OutboxRelay;
import fr.convergence.participant.publishing.ParticipantContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReferenceConfig {

    @Bean
    ReferenceStore referenceStore(MongoDatabase database, OutboxRelay relay) {
        var collection = database.getCollection(ReferenceStore.COLLECTION);
        relay.source(ReferenceService.SOURCE, collection);
        return new ReferenceStore(collection);
    }

    @Bean
    ReferenceService referenceService(ReferenceStore store, ParticipantContract contract, OutboxRelay relay,
                                      EventClock clock) {
        return new ReferenceService(store, contract, relay, clock);
    }

    @Bean
    ReferenceSeeder referenceSeeder(ReferenceStore store, ReferenceService service) {
        return new ReferenceSeeder(store, service);
    }
}
