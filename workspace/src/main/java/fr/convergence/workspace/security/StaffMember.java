package fr.convergence.workspace.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in person, as the identity provider vouched for them in the relayed token, and that token itself: every
 * call to a service is made with it, so the service decides with the person's own rights (the workspace never calls
 * with a technical account and so can never widen access).
 *
 * @param userId    the token's subject
 * @param role      the role claim, or {@code null} when the token carries no role of this programme
 * @param territory territory claim (null for national roles)
 * @param aciId     ACI claim (ACI staff only)
 * @param name      display name claim, may be null
 * @param token     the raw bearer token, relayed to the services
 * @param territories every territory the person works in (a project lead may follow several: issue 19 item 6);
 *                    {@code territory} is set only when there is exactly one
 */
public record StaffMember(String userId, StaffRole role, String territory, String aciId, String name, String token,
                          java.util.SortedSet<String> territories) {

    public StaffMember {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(token, "token");
        territories = territories == null ? java.util.Collections.emptySortedSet() : territories;
    }

    public boolean is(StaffRole r) {
        return role == r;
    }

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<StaffMember> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Jwt jwt = token.getToken();
        // the same reading as every service's (verified-tokens): the union of territory and territories; the
        // token's validation already refused claims that disagree
        java.util.SortedSet<String> territories = fr.convergence.tokens.TerritoryClaims.of(jwt.getClaims())
                .orElse(java.util.Collections.emptySortedSet());
        return Optional.of(new StaffMember(jwt.getSubject(), StaffRole.fromClaim(jwt.getClaimAsString("role")).orElse(null),
                territories.size() == 1 ? territories.first() : null, blankToNull(jwt.getClaimAsString("aci")),
                blankToNull(jwt.getClaimAsString("name")), jwt.getTokenValue(), territories));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
