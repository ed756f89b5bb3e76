package fr.convergence.kit.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The token's claims → the {@link Caller}: the territory claims combined, national only when said. */
class CallerTokensTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSingleTerritoryTokenMakesACallerOfThatTerritory() {
        Caller caller = callerOf(Map.of("role", "coordinator", "territory", "paris")).orElseThrow();
        assertThat(caller.territories()).containsExactly("paris");
        assertThat(caller.territory()).isEqualTo("paris");
        assertThat(caller.national()).isFalse();
    }

    @Test
    void aPortfolioTokenMakesACallerOfEveryListedTerritory() {
        Caller caller = callerOf(Map.of("role", "national-analyst",
                "territories", List.of("rouen", "lille", "paris"))).orElseThrow();
        assertThat(caller.territories()).containsExactly("lille", "paris", "rouen");
        assertThat(caller.portfolio()).isTrue();
        assertThat(caller.national()).isFalse();
        assertThat(caller.seesTerritory("lyon")).isFalse();
    }

    @Test
    void aNationalTokenSaysSoAndNamesNoTerritory() {
        assertThat(callerOf(Map.of("role", "evaluator", "national", true)).orElseThrow().national()).isTrue();
        assertThat(callerOf(Map.of("role", "auditor")).orElseThrow().national()).isFalse();
        // a portfolio that also says national is not national: it names its territories
        assertThat(callerOf(Map.of("role", "national-analyst", "national", true, "territories", List.of("paris")))
                .orElseThrow().national()).isFalse();
    }

    @Test
    void aTokenWhoseTerritoryClaimsDisagreeMakesNoCaller() {
        assertThat(callerOf(Map.of("role", "coordinator", "territory", "lyon",
                "territories", List.of("paris", "lille")))).isEmpty();
    }

    private static Optional<Caller> callerOf(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("sub", "someone");
        Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), all);
        SecurityContextHolder.getContext().setAuthentication(new CallerTokens().convert(jwt));
        return CallerTokens.current();
    }
}
