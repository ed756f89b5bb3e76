package fr.convergence.kit.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key a service needs and must never keep in its own store: from its variable (base64, from the deployment's
 * secret store), or — for a local development run only — from a development key file the run names (generated once,
 * reused, with a warning). With neither the service refuses to start: a key generated inside a container dies with
 * it, and with it whatever the key protects (issue 21 finding 2). One mechanism for every such key.
 */
public final class ConfiguredKey {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredKey.class);

    private ConfiguredKey() {
    }

    /**
     * @param variable   the variable's name, for the messages (e.g. {@code PATHWAY_CHAIN_KEY})
     * @param base64     its value, or null/blank
     * @param devKeyFile the development key file ({@code <variable>_FILE}), or null outside a local run
     * @param length     the key's length in bytes
     */
    public static byte[] load(String variable, String base64, Path devKeyFile, int length) {
        if (base64 != null && !base64.isBlank()) {
            return checked(variable, Base64.getDecoder().decode(base64.trim()), length);
        }
        if (devKeyFile == null) {
            throw new IllegalStateException(variable + " is not set: give the service its key (base64 of " + length
                    + " bytes, from the deployment's secret store; see SECURITY.md, key custody). For a local "
                    + "development run only, " + variable + "_FILE names a development key file.");
        }
        try {
            if (Files.exists(devKeyFile)) {
                log.warn("{} is not set: using the DEVELOPMENT key in {}; never run real data like this", variable, devKeyFile);
                return checked(variable, Base64.getDecoder().decode(
                        Files.readString(devKeyFile, StandardCharsets.US_ASCII).trim()), length);
            }
            byte[] fresh = new byte[length];
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
            log.warn("{} is not set: generated a DEVELOPMENT key in {}; losing this file loses what it protects; "
                    + "never run real data like this", variable, devKeyFile);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key " + devKeyFile, e);
        }
    }

    private static byte[] checked(String variable, byte[] key, int length) {
        if (key.length != length) {
            throw new IllegalArgumentException(variable + " must be " + length + " bytes in base64");
        }
        return key;
    }
}
