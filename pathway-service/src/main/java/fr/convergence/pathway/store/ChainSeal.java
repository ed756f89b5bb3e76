package fr.convergence.pathway.store;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The keyed seal on a stream's head (issue 21 finding 7). The SHA-256 chain makes every event depend on the ones
 * before it, but anyone who can write to the store can recompute it after rewriting history. The seal is an
 * HMAC-SHA256, with a key the store never holds (PATHWAY_CHAIN_KEY, from the deployment's secret store), over the
 * head hash and version together with the fields access depends on — the stream's territory, ACI and participant —
 * so a history rewritten consistently, truncated, or moved to another territory or ACI no longer matches its seal.
 */
public final class ChainSeal {

    private final SecretKeySpec key;

    public ChainSeal(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the chain key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The seal of a stream at {@code version} whose head hash is {@code headHash}. */
    public String seal(String streamId, long version, String headHash, String territory, String aciId, String participantId) {
        String sealed = String.join("|", streamId, Long.toString(version), headHash, String.valueOf(territory),
                String.valueOf(aciId), String.valueOf(participantId));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(sealed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code seal} is this stream's, compared in constant time. */
    public boolean matches(String seal, String streamId, long version, String headHash, String territory, String aciId,
                           String participantId) {
        return seal != null && MessageDigest.isEqual(seal.getBytes(StandardCharsets.US_ASCII),
                seal(streamId, version, headHash, territory, aciId, participantId).getBytes(StandardCharsets.US_ASCII));
    }
}
