package fr.convergence.kit.security;

import fr.convergence.tokens.TerritoryClaims;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The token → {@link Caller} mapping, in one place. Claims: {@code sub}, {@code role} (one of {@link Role}'s claim
 * values), {@code territory} and {@code territories} (a portfolio; absent for national roles; combined by
 * {@link TerritoryClaims}), {@code national}, {@code aci} (ACI staff). A token whose role is unknown gets no
 * authority, so every protected route refuses it.
 */
public final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLE = "role";
    public static final String TERRITORY = TerritoryClaims.TERRITORY;
    /** A JSON array of territory codes: the territories of a portfolio (issue 19 item 6). */
    public static final String TERRITORIES = TerritoryClaims.TERRITORIES;
    public static final String ACI = "aci";
    /** {@code true} on the tokens of people who work nationally (and only then may a token name no territory). */
    public static final String NATIONAL = "national";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = Role.fromClaim(jwt.getClaimAsString(ROLE))
                .map(r -> List.of(new SimpleGrantedAuthority(r.authority()))).orElse(List.of());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The caller of the current request, if it presented a valid token with a known role. */
    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Jwt jwt = token.getToken();
        // territory ∪ territories; claims that disagree make no caller (the decoder refused such a token already)
        Optional<SortedSet<String>> territories = TerritoryClaims.of(jwt.getClaims());
        if (territories.isEmpty()) {
            return Optional.empty();
        }
        // national only when the token says so, never for want of a territory claim
        boolean national = territories.get().isEmpty() && Boolean.TRUE.equals(jwt.getClaimAsBoolean(NATIONAL));
        return Role.fromClaim(jwt.getClaimAsString(ROLE)).map(role -> new Caller(jwt.getSubject(), role,
                territories.get(), blankToNull(jwt.getClaimAsString(ACI)), national));
    }

    /** The raw bearer token of the current request, to call another service on the caller's behalf. */
    public static Optional<String> currentBearer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken token ? Optional.of(token.getToken().getTokenValue())
                : Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
