package fr.convergence.participant.crypto;

import com.mongodb.client.MongoClient;
import fr.convergence.participant.ParticipantProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

@Configuration
class CryptoConfig {

    @Bean
    MasterKey masterKey(ParticipantProperties properties) {
        String file = properties.masterKeyFile();
        return MasterKey.load(properties.masterKey(), file == null || file.isBlank() ? null : Path.of(file));
    }

    /** Keys live in their own database, reached with the same client here; in production, its own credentials. */
    @Bean
    KeyVault keyVault(MongoClient client, ParticipantProperties properties, MasterKey masterKey) {
        return new MongoKeyVault(client.getDatabase(properties.keyDatabase()).getCollection("data_keys"), masterKey);
    }

    /** Each territory's blind-index secret is itself a vault key, created on first use. */
    @Bean
    BlindIndexes blindIndexes(KeyVault vault) {
        return new BlindIndexes(vault);
    }

    @Bean
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher();
    }
}
