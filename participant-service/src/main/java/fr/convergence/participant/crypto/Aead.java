package fr.convergence.participant.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM with a random 96-bit IV per encryption and associated data binding the ciphertext to its owner
 * (a ciphertext copied onto another participant's document fails to decrypt instead of showing the wrong
 * person). Layout: {@code format(1) | iv(12) | ciphertext+tag(16)}; the format byte leaves room for a future
 * algorithm.
 */
public final class Aead {

    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_V1).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static byte[] decrypt(byte[] key, byte[] blob, byte[] associatedData) {
        if (blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != FORMAT_V1) {
            throw new DecryptionFailed("unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new DecryptionFailed("ciphertext does not authenticate (wrong key, owner or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static class DecryptionFailed extends RuntimeException {
        public DecryptionFailed(String message) {
            super(message);
        }
    }
}
