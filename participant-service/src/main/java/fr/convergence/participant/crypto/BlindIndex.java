package fr.convergence.participant.crypto;

import fr.convergence.participant.domain.NameNormaliser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Exact-match search on encrypted names: HMAC-SHA256 of the normalised name under a per-territory secret.
 * Without the secret (kept in the key vault, not beside the data) the stored hashes cannot be tested against a
 * list of common names. A field label is mixed in so the last-name and first-name columns cannot be joined
 * ("someone's first name is someone else's last name"). Erasure removes the participant's hashes.
 */
public class BlindIndex {

    private final byte[] secret;

    public BlindIndex(byte[] secret) {
        this.secret = secret.clone();
    }

    public String lastName(String lastName) {
        return hmac("last-name:" + NameNormaliser.normalise(lastName));
    }

    public String firstName(String firstName) {
        return hmac("first-name:" + NameNormaliser.normalise(firstName));
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
