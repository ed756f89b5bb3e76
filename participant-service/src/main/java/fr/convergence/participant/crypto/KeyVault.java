package fr.convergence.participant.crypto;

import java.util.Optional;

/**
 * Holds data-encryption keys apart from the data they protect. Destroying a key is how a person is erased from
 * an immutable history and from every backup of the participant database at once (crypto-erasure).
 *
 * <p>The default implementation is {@link MongoKeyVault}; a real KMS (Vault transit, a cloud KMS, an HSM) can
 * implement this interface instead without touching the rest of the service.
 */
public interface KeyVault {

    /** Creates and stores a fresh 256-bit key under {@code keyId}; fails if one exists. */
    byte[] create(String keyId);

    /** The key, or empty if it never existed or was destroyed. */
    Optional<byte[]> get(String keyId);

    /**
     * The keys of several people at once (those not found are absent from the map): a page of search hits is one
     * read of the vault, not one per person. A KMS without a batch read may keep this default.
     */
    default java.util.Map<String, byte[]> getAll(java.util.Collection<String> keyIds) {
        java.util.Map<String, byte[]> found = new java.util.HashMap<>();
        for (String id : keyIds) {
            get(id).ifPresent(key -> found.put(id, key));
        }
        return found;
    }

    /** Destroys the key for good; idempotent. */
    void destroy(String keyId);

    /** The key, created on first use (for long-lived keys such as a territory's blind-index secret). */
    default byte[] getOrCreate(String keyId) {
        return get(keyId).orElseGet(() -> {
            try {
                return create(keyId);
            } catch (KeyAlreadyExists raced) {
                return get(keyId).orElseThrow();
            }
        });
    }

    class KeyAlreadyExists extends RuntimeException {
        public KeyAlreadyExists(String keyId) {
            super("key " + keyId + " already exists");
        }
    }
}
