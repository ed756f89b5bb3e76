package fr.convergence.participant.crypto;

import fr.convergence.kit.PlatformProperties;
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

    /** The vault's own connection and credentials (PARTICIPANT_KEYVAULT_MONGODB_URI), apart from the data's. */
    @Bean(destroyMethod = "close")
    KeyVaultConnection keyVaultConnection(ParticipantProperties properties, PlatformProperties platform) {
        boolean localRun = (properties.masterKey() == null || properties.masterKey().isBlank())
                && properties.masterKeyFile() != null && !properties.masterKeyFile().isBlank();
        return KeyVaultConnection.open(properties.keyvaultMongodbUri(), platform.mongodbUri(), localRun);
    }

    /** Keys live in their own database, reached through the vault's own connection. */
    @Bean
    KeyVault keyVault(KeyVaultConnection connection, ParticipantProperties properties, MasterKey masterKey) {
        return new MongoKeyVault(connection.database(properties.keyDatabase()).getCollection("data_keys"), masterKey);
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
