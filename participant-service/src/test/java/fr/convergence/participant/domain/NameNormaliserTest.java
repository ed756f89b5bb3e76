package fr.convergence.participant.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormaliserTest {

    @Test
    void stripsAccentsAndCase() {
        assertThat(NameNormaliser.normalise("Éloïse")).isEqualTo("eloise");
    }

    @Test
    void expandsLigaturesAndCollapsesSeparators() {
        assertThat(NameNormaliser.normalise("  Cœur-de-Lion  d'Arc ")).isEqualTo("coeur de lion d arc");
    }
}
