package fr.convergence.reporting.evaluation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed pseudonyms for the evaluation extract (issue 19 item 5): HMAC-SHA256 of the id with a key from configuration,
 * so the same pathway or person has the same pseudonym in every download (evaluators can follow them across
 * extracts) while nobody without the key can go from a pseudonym back to the platform's id, nor compute the pseudonym
 * of an id they know. A domain prefix keeps a pathway's and a person's pseudonyms apart.
 */
public final class Pseudonyms {

    /** Hex characters kept: 80 bits, no collision in any realistic number of pathways. */
    static final int LENGTH = 20;
    /** The key's length in bytes (base64 of 32 random bytes in REPORTING_EVALUATION_KEY). */
    public static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key == null || key.length < KEY_BYTES) {
            throw new IllegalStateException("the evaluation key must be " + KEY_BYTES + " bytes (REPORTING_EVALUATION_KEY)");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String pathway(String pathwayId) {
        return pathwayId == null ? null : "P" + hash("pathway|" + pathwayId);
    }

    public String person(String participantId) {
        return participantId == null ? null : "S" + hash("participant|" + participantId);
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
