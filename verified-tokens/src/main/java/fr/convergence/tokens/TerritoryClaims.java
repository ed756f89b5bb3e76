package fr.convergence.tokens;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The territories a token's holder works in (issue 19 item 6, territory portfolios), read from two claims:
 * {@code territory} (one code: every single-territory token, as before) and {@code territories} (a JSON array of
 * codes: a project lead following three territories holds all three). The holder's set is their union. A token must
 * not contradict itself: one whose {@code territory} is missing from its {@code territories}, or whose
 * {@code territories} is not a list of codes, is refused (401) by every resource server — the provider is
 * misconfigured, and guessing which claim is right could open a territory nobody granted.
 *
 * <p>An empty set is no territory at all: a territorial role holding it sees nothing (fail closed); only a token
 * that also says {@code national: true} works nationally.
 */
public final class TerritoryClaims {

    public static final String TERRITORY = "territory";
    public static final String TERRITORIES = "territories";

    private TerritoryClaims() {
    }

    /**
     * The holder's territories, sorted; empty when the token names none. {@link Optional#empty()} when the claims are
     * malformed or disagree (such a token is no one's: refuse it).
     */
    public static Optional<SortedSet<String>> of(Map<String, Object> claims) {
        Object single = claims.get(TERRITORY);
        Object portfolio = claims.get(TERRITORIES);
        String territory = null;
        if (single != null) {
            if (!(single instanceof String s)) {
                return Optional.empty();
            }
            territory = s.isBlank() ? null : s;   // a blank territory reads as none, as it always has
        }
        SortedSet<String> territories = new TreeSet<>();
        if (portfolio != null) {
            if (!(portfolio instanceof Collection<?> codes)) {
                return Optional.empty();
            }
            for (Object code : codes) {
                if (!(code instanceof String s) || s.isBlank()) {
                    return Optional.empty();
                }
                territories.add(s);
            }
            if (territory != null && !territories.contains(territory)) {
                return Optional.empty();   // the two claims disagree
            }
        }
        if (territory != null) {
            territories.add(territory);
        }
        return Optional.of(Collections.unmodifiableSortedSet(territories));
    }

    /** Refuses a token whose territory claims are malformed or disagree. */
    public static OAuth2TokenValidator<Jwt> validator() {
        return jwt -> of(jwt.getClaims()).isPresent() ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "the token's territory and territories claims disagree or are malformed", null));
    }
}
