package fr.convergence.participant;

import fr.convergence.testing.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Base64;

/** Points a service under test at the shared test infrastructure, with its own data and key databases. */
public final class TestService {

    /** A fixed test master key: tests must never generate a development key file. */
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "test-master-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private TestService() {
    }

    public static void register(DynamicPropertyRegistry registry, String prefix) {
        registerDatabase(registry, TestInfrastructure.uniqueDatabase(prefix));
    }

    /** Like {@link #register}, for a test that reads the databases itself: data in {@code database}, keys in
     *  {@link #keyDatabase}. */
    public static void registerDatabase(DynamicPropertyRegistry registry, String database) {
        TestInfrastructure.register(registry, database, "paris");
        registry.add("participant.master-key", () -> MASTER_KEY);
        registry.add("participant.key-database", () -> keyDatabase(database));
        // the vault's own connection (a second client; the test store has no users to tell them apart)
        registry.add("participant.keyvault-mongodb-uri", TestInfrastructure::mongoUri);
    }

    /** Where the service under test keeps the participants' keys, apart from their data. */
    public static String keyDatabase(String database) {
        return database + "_keys";
    }

    /** A name no other test uses, so that searches only see the calling test's people. */
    public static String randomName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    public static String registerBody(String firstName, String lastName, String aciId) {
        return """
                {"firstName":"%s","lastName":"%s","birthDate":"1985-04-12","phone":"+33 6 11 22 33 44",
                 "email":"someone@example.org","address":"1 rue de la Paix, Paris","referentId":"cip-paris-1",
                 "aciId":"%s"}""".formatted(firstName, lastName, aciId);
    }
}
