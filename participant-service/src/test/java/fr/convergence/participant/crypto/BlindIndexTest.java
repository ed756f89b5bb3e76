package fr.convergence.participant.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BlindIndexTest {

    final BlindIndex paris = new BlindIndex("paris-secret-0123456789abcdef012".getBytes(StandardCharsets.UTF_8));
    final BlindIndex lyon = new BlindIndex("lyon-secret-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void matchesRegardlessOfCaseAndAccents() {
        assertThat(paris.lastName("Lefèvre")).isEqualTo(paris.lastName("  LEFEVRE "));
    }

    @Test
    void differsPerTerritorySecret() {
        assertThat(paris.lastName("Martin")).isNotEqualTo(lyon.lastName("Martin"));
    }

    @Test
    void separatesLastAndFirstNameColumns() {
        assertThat(paris.lastName("Martin")).isNotEqualTo(paris.firstName("Martin"));
    }

    @Test
    void isAnHmacNotTheName() {
        assertThat(paris.lastName("Martin")).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("martin");
    }
}
