package fr.convergence.participant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets and stores of this service.
 *
 * @param masterKey     base64 AES-256 key wrapping every data key (env PARTICIPANT_MASTER_KEY); empty = dev key file
 * @param masterKeyFile where a development master key is generated and kept when {@code masterKey} is empty
 * @param keyDatabase   the separate database of wrapped data keys ({@code participant_keys_<territory>})
 * @param keyvaultMongodbUri the key vault's own connection string and credentials (env PARTICIPANT_KEYVAULT_MONGODB_URI);
 *                      empty = the data's, in a local development run only
 */
@ConfigurationProperties(prefix = "participant")
public record ParticipantProperties(String masterKey, String masterKeyFile, String keyDatabase,
                                   String keyvaultMongodbUri) {
}
