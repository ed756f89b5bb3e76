package fr.convergence.participant.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

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
        if (base64 != null && !base64.isBlank()) {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        }
        if (devKeyFile == null) {
            throw new IllegalStateException("PARTICIPANT_MASTER_KEY is not set: give the service its master key "
                    + "(base64 of 32 bytes, from the deployment's secret store; see SECURITY.md, key custody). "
                    + "For a local development run only, PARTICIPANT_MASTER_KEY_FILE names a development key file.");
        }
        try {
            if (Files.exists(devKeyFile)) {
                log.warn("PARTICIPANT_MASTER_KEY is not set: using the DEVELOPMENT master key in {}; "
                        + "never run real data like this", devKeyFile);
                return new MasterKey(Base64.getDecoder().decode(Files.readString(devKeyFile, StandardCharsets.US_ASCII).trim()));
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path dir = devKeyFile.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(devKeyFile, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(devKeyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            log.warn("PARTICIPANT_MASTER_KEY is not set: generated a DEVELOPMENT master key in {}; "
                    + "losing this file makes every participant unreadable; never run real data like this", devKeyFile);
            return new MasterKey(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development master key " + devKeyFile, e);
        }
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
