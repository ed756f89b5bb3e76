package fr.convergence.participant;

import fr.convergence.participant.domain.AciId;
import fr.convergence.testing.TestIssuer;

/** Real signed tokens of the test issuer for the callers the tests play, named by what they are. */
public final class Tokens {

    private Tokens() {
    }

    /** ACI staff of {@code aciId}, in the ACI's territory. */
    public static String cip(String aciId) {
        return TestIssuer.get().token("cip", AciId.territoryOf(aciId).orElseThrow(), aciId);
    }

    public static String coordinator(String territory) {
        return TestIssuer.get().token("coordinator", territory, null);
    }

    public static String partnershipOfficer(String territory) {
        return TestIssuer.get().token("partnership-officer", territory, null);
    }

    public static String nationalAnalyst() {
        return TestIssuer.get().token("national-analyst", null, null);
    }

    /** A national auditor (no territory claim). */
    public static String auditor() {
        return TestIssuer.get().token("auditor", null, null);
    }

    /** The auditor of one territory. */
    public static String auditor(String territory) {
        return TestIssuer.get().token("auditor", territory, null);
    }

    public static String admin() {
        return TestIssuer.get().token("admin", null, null);
    }

    /** A token whose subject is {@code subject}, to check what is recorded under the caller's name. */
    public static String named(String subject, String role, String territory, String aciId) {
        return TestIssuer.get().tokenFor(subject, role, territory, aciId);
    }
}
