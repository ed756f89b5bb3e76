package fr.convergence.participant.crypto;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fr.convergence.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default key vault on the MongoDB-wire server. */
class MongoKeyVaultTest {

    static MongoClient client;
    static MongoCollection<Document> keys;

    static MasterKey master() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return MasterKey.of(k);
    }

    final MasterKey master = master();
    final MongoKeyVault vault = new MongoKeyVault(keys, master);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        keys = client.getDatabase(TestInfrastructure.uniqueDatabase("keys")).getCollection("data_keys");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void returnsTheKeyItCreated() {
        byte[] key = vault.create("PSN-VAULTAAAAAA1");
        assertThat(vault.get("PSN-VAULTAAAAAA1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
    }

    @Test
    void storesTheKeyOnlyWrapped() {
        byte[] key = vault.create("PSN-VAULTAAAAAA2");
        String stored = keys.find(new Document("_id", "PSN-VAULTAAAAAA2")).first().toJson();
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void forgetsADestroyedKey() {
        vault.create("PSN-VAULTAAAAAA3");
        vault.destroy("PSN-VAULTAAAAAA3");
        assertThat(vault.get("PSN-VAULTAAAAAA3")).isEmpty();
        assertThat(keys.find(new Document("_id", "PSN-VAULTAAAAAA3")).first()).isNull();
    }

    @Test
    void refusesToOverwriteAKey() {
        vault.create("PSN-VAULTAAAAAA4");
        assertThatThrownBy(() -> vault.create("PSN-VAULTAAAAAA4")).isInstanceOf(KeyVault.KeyAlreadyExists.class);
    }

    @Test
    void cannotUnwrapWithAnotherMasterKey() {
        vault.create("PSN-VAULTAAAAAA5");
        MongoKeyVault other = new MongoKeyVault(keys, master());
        assertThatThrownBy(() -> other.get("PSN-VAULTAAAAAA5")).isInstanceOf(Aead.DecryptionFailed.class);
    }

    @Test
    void readsTheKeysOfAPageOfPeopleInOneGoLeavingOutTheDestroyedAndUnknown() {
        String a = "k-" + java.util.UUID.randomUUID();
        String b = "k-" + java.util.UUID.randomUUID();
        String gone = "k-" + java.util.UUID.randomUUID();
        byte[] keyA = vault.create(a);
        byte[] keyB = vault.create(b);
        vault.create(gone);
        vault.destroy(gone);

        java.util.Map<String, byte[]> found = vault.getAll(java.util.List.of(a, b, gone, "k-never"));

        org.assertj.core.api.Assertions.assertThat(found).containsOnlyKeys(a, b);
        org.assertj.core.api.Assertions.assertThat(found.get(a)).isEqualTo(keyA);
        org.assertj.core.api.Assertions.assertThat(found.get(b)).isEqualTo(keyB);
        org.assertj.core.api.Assertions.assertThat(vault.getAll(java.util.List.of())).isEmpty();
    }
}
