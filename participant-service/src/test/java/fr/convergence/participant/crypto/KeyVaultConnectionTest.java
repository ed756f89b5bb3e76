package fr.convergence.participant.crypto;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.convergence.participant.TestService;
import fr.convergence.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21 finding 6: the key vault has its own connection and credentials. The service is started with its data on
 * one MongoDB server and its vault on another: the keys land on the vault's server only.
 */
@SpringBootTest
class KeyVaultConnectionTest {

    static final MongoServer VAULT_SERVER = new MongoServer(new MemoryBackend());
    static final String VAULT_URI;
    static final String DATABASE = TestInfrastructure.uniqueDatabase("participant_vault");

    static {
        InetSocketAddress address = VAULT_SERVER.bind();
        VAULT_URI = "mongodb://127.0.0.1:" + address.getPort();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.registerDatabase(registry, DATABASE);
        registry.add("participant.keyvault-mongodb-uri", () -> VAULT_URI);
    }

    @AfterAll
    static void stopVaultServer() {
        VAULT_SERVER.shutdownNow();
    }

    @Autowired
    KeyVault vault;
    @Autowired
    KeyVaultConnection connection;

    @Test
    void theVaultIsReachedThroughItsOwnSetting() {
        assertThat(connection.uri()).isEqualTo(VAULT_URI);
        vault.create("PSN-VAULTCONNEC1");
        String keyDatabase = TestService.keyDatabase(DATABASE);
        try (MongoClient vaultServer = MongoClients.create(VAULT_URI);
             MongoClient dataServer = MongoClients.create(TestInfrastructure.mongoUri())) {
            assertThat(vaultServer.getDatabase(keyDatabase).getCollection("data_keys")
                    .countDocuments(new Document("_id", "PSN-VAULTCONNEC1"))).isEqualTo(1);
            assertThat(dataServer.getDatabase(keyDatabase).getCollection("data_keys")
                    .countDocuments(new Document("_id", "PSN-VAULTCONNEC1"))).isZero();
        }
    }

    @Test
    void withoutItsOwnSettingTheVaultRefusesToStartOutsideALocalRun() {
        assertThatThrownBy(() -> KeyVaultConnection.open("", "mongodb://data:s3cret@mongo1/?authSource=admin", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PARTICIPANT_KEYVAULT_MONGODB_URI is not set");
        assertThatThrownBy(() -> KeyVaultConnection.open(null, "mongodb://mongo1", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PARTICIPANT_KEYVAULT_MONGODB_URI is not set");
    }

    @Test
    void aLocalDevelopmentRunSharesTheDatasConnection() {
        try (KeyVaultConnection local = KeyVaultConnection.open("", "mongodb://127.0.0.1:27017", true)) {
            assertThat(local.uri()).isEqualTo("mongodb://127.0.0.1:27017");
        }
    }

    @Test
    void theDatasUserIsRefusedAsTheVaultsUser() {
        assertThatThrownBy(() -> KeyVaultConnection.open("mongodb://participant:other@mongo1/?authSource=admin",
                "mongodb://participant:s3cret@mongo1/?authSource=admin", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("uses the data's MongoDB user");
        try (KeyVaultConnection own = KeyVaultConnection.open("mongodb://participant-keys:k3ys@mongo1/?authSource=admin",
                "mongodb://participant:s3cret@mongo1/?authSource=admin", false)) {
            assertThat(own.uri()).contains("participant-keys");
        }
    }
}
