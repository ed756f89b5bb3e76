package fr.convergence.participant.crypto;


import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key-encryption key that wraps every data key in the {@link MongoKeyVault}. It comes from
 * {@code PARTICIPANT_MASTER_KEY} (base64, 32 bytes) so that it lives in the deployment's secret store, never in
 * MongoDB: stealing the databases without it yields nothing readable. For local runs only, a development key
 * file may be named instead ({@code PARTICIPANT_MASTER_KEY_FILE}, set by {@code ./run.sh} and the platform tests):
 * generated once and reused, with a warning. With neither, the service refuses to start: a key generated inside a
 * container dies with it, and every person's data with the key (issue 21 finding 2).
 */
public final class MasterKey {

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("PARTICIPANT_MASTER_KEY must be 32 bytes (AES-256) in base64");
        }
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        return new MasterKey(key);
    }

    /** From the configured base64 value, or else from (or into) the development key file; neither: refused. */
    public static MasterKey load(String base64, Path devKeyFile) {
        return new MasterKey(fr.convergence.kit.secrets.ConfiguredKey.load("PARTICIPANT_MASTER_KEY", base64, devKeyFile, 32));
    }

    byte[] bytes() {
        return key.clone();
    }

    /** A short public fingerprint stored beside wrapped keys, so a rotation knows which master wrapped what. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("fingerprint:" + Base64.getEncoder()
                    .encodeToString(key)).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
