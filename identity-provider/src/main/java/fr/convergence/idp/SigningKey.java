package fr.convergence.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The provider's RSA signing key. Kept in a file when one is configured, so that a restart of the provider does
 * not invalidate the tokens people already hold; otherwise a fresh key per start.
 */
final class SigningKey {

    private SigningKey() {
    }

    static JWKSet load(String keyFile) {
        try {
            if (keyFile == null || keyFile.isBlank()) {
                return new JWKSet(generate());
            }
            Path path = Path.of(keyFile);
            if (Files.exists(path)) {
                return JWKSet.parse(Files.readString(path));
            }
            JWKSet set = new JWKSet(generate());
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, set.toString(false));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays readable by its owner's account only by default
            }
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return set;
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot load or create the signing key " + keyFile, e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }
}
