package fr.convergence.participant.crypto;

import fr.convergence.participant.domain.PersonalData;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    final PersonalDataCipher cipher = new PersonalDataCipher();
    final byte[] key = randomKey();
    final PersonalData data = new PersonalData("Éloïse", "Martin", LocalDate.of(1980, 2, 29), "+33 6 00 00 00 01",
            "eloise@example.org", null);

    static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void opensWhatItSealed() {
        assertThat(cipher.open(cipher.seal(data, "PSN-AAAAAAAAAAAA", key), "PSN-AAAAAAAAAAAA", key)).isEqualTo(data);
    }

    @Test
    void drawsAFreshIvForEveryEncryption() {
        byte[] a = Base64.getDecoder().decode(cipher.seal(data, "PSN-AAAAAAAAAAAA", key));
        byte[] b = Base64.getDecoder().decode(cipher.seal(data, "PSN-AAAAAAAAAAAA", key));
        assertThat(java.util.Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(b, 1, 13));
    }

    @Test
    void refusesToOpenUnderAnotherParticipantsId() {
        String sealed = cipher.seal(data, "PSN-AAAAAAAAAAAA", key);
        assertThatThrownBy(() -> cipher.open(sealed, "PSN-BBBBBBBBBBBB", key)).isInstanceOf(Aead.DecryptionFailed.class);
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        String sealed = cipher.seal(data, "PSN-AAAAAAAAAAAA", key);
        assertThatThrownBy(() -> cipher.open(sealed, "PSN-AAAAAAAAAAAA", randomKey()))
                .isInstanceOf(Aead.DecryptionFailed.class);
    }

    @Test
    void keepsNothingReadableInTheBlob() {
        String sealed = cipher.seal(data, "PSN-AAAAAAAAAAAA", key);
        String decoded = new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("Martin").doesNotContain("eloise@example.org");
    }
}
