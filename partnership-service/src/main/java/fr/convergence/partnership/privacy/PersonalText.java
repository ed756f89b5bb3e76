package fr.convergence.partnership.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals a person's text with their data key ({@link PersonalTextKeys}): AES-256-GCM, a random 96-bit IV per value,
 * associated data {@code territory|participantId|field} so that a value copied onto another person or field does
 * not open. Stored form: {@code "v1:" + base64(iv | ciphertext+tag)}. A value whose key was destroyed opens to
 * null: the person was erased.
 */
public class PersonalText {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonalTextKeys keys;

    public PersonalText(PersonalTextKeys keys) {
        this.keys = keys;
    }

    /** The sealed form of {@code text} (null stays null). */
    public String seal(String territory, String participantId, String field, String text) {
        if (text == null) {
            return null;
        }
        return seal(keys.getOrCreate(territory, participantId), territory, participantId, field, text);
    }

    /** The person's key, or null once erased: open many values with one read. */
    public byte[] keyOf(String territory, String participantId) {
        return keys.find(territory, participantId).orElse(null);
    }

    /** The text, or null when the value is null or its key is gone (erased). */
    public static String open(byte[] key, String territory, String participantId, String field, String sealed) {
        if (sealed == null || key == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed-text format for " + field);
        }
        byte[] blob = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            cipher.updateAAD(aad(territory, participantId, field));
            return new String(cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed " + field + " does not open with this person's key (moved or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    static String seal(byte[] key, String territory, String participantId, String field, String text) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(territory, participantId, field));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(String territory, String participantId, String field) {
        return (territory + "|" + participantId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** Destroys the person's key: every value sealed for them stops opening. */
    public void forget(String territory, String participantId) {
        keys.destroy(territory, participantId);
    }
}
