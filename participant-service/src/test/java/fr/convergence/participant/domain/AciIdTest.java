package fr.convergence.participant.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AciIdTest {

    @Test
    void readsTheTerritoryBackFromTheId() {
        assertThat(AciId.territoryOf(AciId.of("ille-et-vilaine", 12))).contains("ille-et-vilaine");
    }

    @Test
    void knowsNoTerritoryForAForeignId() {
        assertThat(AciId.territoryOf("workshop-7")).isEmpty();
        assertThat(AciId.territoryOf("aci-paris-x")).isEmpty();
    }
}
