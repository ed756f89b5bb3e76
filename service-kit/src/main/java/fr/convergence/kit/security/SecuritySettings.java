package fr.convergence.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which identity provider this service trusts. Any OpenID Connect provider works (the embedded one locally,
 * Keycloak or another in production): tokens must be signed by a key of {@code jwkSetUri} and carry
 * {@code iss = issuer}.
 *
 * @param issuer    expected {@code iss} claim, e.g. {@code http://localhost:9000}
 * @param jwkSetUri where the provider publishes its signing keys; defaults to {@code issuer + /oauth2/jwks}
 * @param verifiedTokenCache how many verified tokens to keep until they expire (0: verify every request)
 */
@ConfigurationProperties(prefix = "convergence.security")
public record SecuritySettings(String issuer, String jwkSetUri, Integer verifiedTokenCache) {

    public SecuritySettings {
        verifiedTokenCache = verifiedTokenCache == null ? 5000 : verifiedTokenCache;
        issuer = issuer == null ? "http://localhost:9000" : issuer;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri;
    }
}
