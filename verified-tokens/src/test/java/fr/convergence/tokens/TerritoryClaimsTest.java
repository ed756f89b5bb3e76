package fr.convergence.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the territory and territories claims combine, and which tokens contradict themselves. */
class TerritoryClaimsTest {

    @Test
    void aSingleTerritoryTokenHoldsThatTerritory() {
        assertThat(TerritoryClaims.of(Map.of("territory", "paris")).orElseThrow()).containsExactly("paris");
        assertThat(TerritoryClaims.of(Map.of("territory", "paris", "territories", List.of("paris"))).orElseThrow())
                .containsExactly("paris");
    }

    @Test
    void aPortfolioHoldsEveryListedTerritorySorted() {
        assertThat(TerritoryClaims.of(Map.of("territories", List.of("rouen", "lille", "paris"))).orElseThrow())
                .containsExactly("lille", "paris", "rouen");
        // the single claim may name one of them: still the union
        assertThat(TerritoryClaims.of(Map.of("territory", "lille", "territories", List.of("rouen", "lille")))
                .orElseThrow()).containsExactly("lille", "rouen");
    }

    @Test
    void noTerritoryClaimIsAnEmptySet() {
        assertThat(TerritoryClaims.of(Map.of("national", true)).orElseThrow()).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territory", " ")).orElseThrow()).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territories", List.of())).orElseThrow()).isEmpty();
    }

    @Test
    void claimsThatDisagreeOrAreMalformedAreRefused() {
        assertThat(TerritoryClaims.of(Map.of("territory", "lyon", "territories", List.of("paris", "lille")))).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territories", "paris"))).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territories", List.of("paris", "")))).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territories", List.of("paris", 3)))).isEmpty();
        assertThat(TerritoryClaims.of(Map.of("territory", List.of("paris")))).isEmpty();
    }

    @Test
    void theValidatorRefusesExactlyTheContradictoryTokens() {
        assertThat(TerritoryClaims.validator().validate(jwt(Map.of("territories", List.of("paris", "lille"))))
                .hasErrors()).isFalse();
        assertThat(TerritoryClaims.validator().validate(jwt(Map.of("territory", "lyon",
                "territories", List.of("paris", "lille")))).hasErrors()).isTrue();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "someone");
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), all);
    }
}
