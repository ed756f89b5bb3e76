package fr.convergence.participant.registration;

import com.mongodb.client.MongoDatabase;
import fr.convergence.participant.accesslog.AccessLog;
import fr.convergence.participant.crypto.BlindIndexes;
import fr.convergence.participant.crypto.KeyVault;
import fr.convergence.participant.crypto.PersonalDataCipher;
import fr.convergence.participant.publishing.EventClock;
import fr.convergence.participant.publishing.OutboxRelay;
import fr.convergence.participant.publishing.ParticipantContract;
import fr.convergence.participant.reference.ReferenceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RegistrationConfig {

    @Bean
    ParticipantStore participantStore(MongoDatabase database, OutboxRelay relay) {
        var collection = database.getCollection(ParticipantStore.COLLECTION);
        relay.source(ParticipantService.SOURCE, collection);
        return new ParticipantStore(collection);
    }

    @Bean
    ParticipantAccess participantAccess(ParticipantStore store) {
        return new ParticipantAccess(store);
    }

    @Bean
    ParticipantService participantService(ParticipantStore store, ReferenceService reference, KeyVault vault,
                                           PersonalDataCipher cipher, BlindIndexes blindIndexes,
                                           ParticipantContract contract, OutboxRelay relay, EventClock clock,
                                           AccessLog accessLog, ParticipantAccess access) {
        return new ParticipantService(store, reference, vault, cipher, blindIndexes, contract, relay, clock,
                accessLog, access);
    }
}
