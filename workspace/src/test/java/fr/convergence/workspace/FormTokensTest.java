package fr.convergence.workspace;

import fr.convergence.workspace.security.FormTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormTokensTest {

    @Test
    void aTokenHoldsForItsUserAndFormOnly() {
        FormTokens tokens = new FormTokens("secret");
        String key = tokens.newFormKey();
        String csrf = tokens.csrfFor("cip-aci-paris-1", key);
        assertThat(tokens.valid("cip-aci-paris-1", key, csrf)).isTrue();
        assertThat(tokens.valid("cip-aci-paris-2", key, csrf)).isFalse();
        assertThat(tokens.valid("cip-aci-paris-1", tokens.newFormKey(), csrf)).isFalse();
        assertThat(tokens.valid("cip-aci-paris-1", key, null)).isFalse();
        assertThat(new FormTokens("another secret").valid("cip-aci-paris-1", key, csrf)).isFalse();
    }
}
