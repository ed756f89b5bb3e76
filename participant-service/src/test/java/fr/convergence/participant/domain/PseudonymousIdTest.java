package fr.convergence.participant.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymousIdTest {

    @Test
    void hasThePublishedFormat() {
        assertThat(PseudonymousId.next()).matches("PSN-[A-Z2-7]{12}");
    }

    @Test
    void isRandomNotSequential() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(PseudonymousId.next());
        }
        assertThat(ids).hasSize(1000);
    }
}
