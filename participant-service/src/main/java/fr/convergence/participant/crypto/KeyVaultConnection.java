package fr.convergence.participant.crypto;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.MongoConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key vault's own MongoDB connection (issue 21 finding 6): {@code PARTICIPANT_KEYVAULT_MONGODB_URI}, whose user
 * may read and write the key database only, while the data's user ({@code MONGODB_URI}) cannot read it. Someone
 * holding the data's credentials (a leaked connection string, a backup job) then gets sealed personal data without the
 * keys that open it, and the other way round.
 *
 * <ul>
 *   <li>Without the variable the service refuses to start, except in a local development run (the one that uses a
 *   development master key file, {@code PARTICIPANT_MASTER_KEY_FILE}), where the vault uses the data's connection
 *   string; a deployment that forgot the variable does not silently keep data and keys under one credential.</li>
 *   <li>A vault connection string with the very user of the data's is refused too: it is the same credential under
 *   another name.</li>
 * </ul>
 */
public final class KeyVaultConnection implements AutoCloseable {

    static final String VARIABLE = "PARTICIPANT_KEYVAULT_MONGODB_URI";
    private static final Logger log = LoggerFactory.getLogger(KeyVaultConnection.class);

    private final String uri;
    private final MongoClient client;

    private KeyVaultConnection(String uri) {
        this.uri = uri;
        this.client = MongoConnections.open(uri);
    }

    /**
     * @param vaultUri    the vault's connection string ({@value #VARIABLE}), or blank
     * @param dataUri     the data's connection string ({@code MONGODB_URI})
     * @param localRun    whether this is a local development run (a development master key file is named)
     */
    public static KeyVaultConnection open(String vaultUri, String dataUri, boolean localRun) {
        if (vaultUri == null || vaultUri.isBlank()) {
            if (!localRun) {
                throw new IllegalStateException(VARIABLE + " is not set: the key vault needs its own MongoDB connection "
                        + "string, with a user that may use the key database only (SECURITY.md, key custody). Only a "
                        + "local development run (PARTICIPANT_MASTER_KEY_FILE) shares the data's connection.");
            }
            log.warn("{} is not set: the key vault shares the data's MongoDB connection (local development run only)", VARIABLE);
            return new KeyVaultConnection(dataUri);
        }
        MongoCredential vault = new ConnectionString(vaultUri).getCredential();
        MongoCredential data = new ConnectionString(dataUri).getCredential();
        if (vault != null && data != null && vault.getUserName() != null
                && vault.getUserName().equals(data.getUserName()) && vault.getSource().equals(data.getSource())) {
            throw new IllegalStateException(VARIABLE + " uses the data's MongoDB user (" + vault.getUserName()
                    + "): give the key vault a user of its own, allowed on the key database only");
        }
        return new KeyVaultConnection(vaultUri);
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** The connection string the vault was opened with (tests check which one). */
    String uri() {
        return uri;
    }

    @Override
    public void close() {
        client.close();
    }
}
