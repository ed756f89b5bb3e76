package fr.convergence.workspace.services;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dead letter's id goes into the retry and discard paths as it is: the HTTP client encodes what a URI needs, and
 * encoding it beforehand sent a colon as %253A, which the services' firewall refuses (seen in the browser test).
 */
class DeadLetterSourcesTest {

    @Test
    void aLettersIdIsSentAsItIs() {
        assertThat(DeadLetterSources.segment("convergence.paris.pathway.v1:0:42")).isEqualTo("convergence.paris.pathway.v1:0:42");
    }

    @Test
    void anythingElseIsNoLetter() {
        for (String id : new String[]{"../admin", "a/b", "a%3Ab", "", "a b"}) {
            assertThatThrownBy(() -> DeadLetterSources.segment(id)).as(id).isInstanceOf(ServiceProblem.class)
                    .matches(e -> ((ServiceProblem) e).notFound());
        }
    }
}
