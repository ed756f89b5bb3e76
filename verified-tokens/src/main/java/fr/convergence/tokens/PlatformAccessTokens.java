package fr.convergence.tokens;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.util.Collection;

/**
 * What a token must be for the platform's APIs (services, workspace, gateway): signed by the programme's identity
 * provider (issuer, keys, times), meant for the platform ({@code aud} holds {@link #AUDIENCE}) and an ACCESS token
 * ({@code token_use = access}). An OpenID Connect ID token of the same provider is signed with the same key and
 * names the same person, but it proves a sign-in to one client, not a grant to call the APIs: it was accepted
 * before (issue 21 finding 3). Its territory claims must agree ({@link TerritoryClaims}). One definition, used by
 * every resource server of the platform.
 */
public final class PlatformAccessTokens {

    /** The audience the identity provider writes in the platform's access tokens. */
    public static final String AUDIENCE = "convergence-platform";
    /** The claim that tells an access token from an ID token, and its value on access tokens. */
    public static final String TOKEN_USE = "token_use";
    public static final String ACCESS = "access";

    private PlatformAccessTokens() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>("aud", PlatformAccessTokens::forThePlatform),
                new JwtClaimValidator<Object>(TOKEN_USE, ACCESS::equals),
                TerritoryClaims.validator());
    }

    private static boolean forThePlatform(Object aud) {
        return aud instanceof Collection<?> values ? values.contains(AUDIENCE) : AUDIENCE.equals(aud);
    }
}
