package fr.convergence.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A token issuer for service tests: it publishes its public key over real HTTP (a JWK set, as any OpenID Connect
 * provider does), so the services validate tokens exactly as in production. It can also mint the tokens a
 * service must refuse: expired, or signed by a foreign issuer.
 */
public final class TestIssuer {

    private static TestIssuer instance;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("foreign-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test issuer", e);
        }
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A valid token; {@code territory} and {@code aci} may be null (national roles, non-ACI staff). */
    public String token(String role, String territory, String aci) {
        return sign(key, issuer, subjectOf(role, territory, aci), role, territory, aci, Instant.now().plusSeconds(3600));
    }

    /** A token for a named user. */
    public String tokenFor(String subject, String role, String territory, String aci) {
        return sign(key, issuer, subject, role, territory, aci, Instant.now().plusSeconds(3600));
    }

    /** Signed by the right key, but expired ten minutes ago (beyond any clock-skew allowance). */
    public String expired(String role, String territory, String aci) {
        return sign(key, issuer, subjectOf(role, territory, aci), role, territory, aci, Instant.now().minusSeconds(600));
    }

    /** Well-formed and unexpired, but from another issuer with another key. */
    public String foreign(String role, String territory, String aci) {
        return sign(foreignKey, "https://idp.example.org", subjectOf(role, territory, aci), role, territory, aci,
                Instant.now().plusSeconds(3600));
    }

    /** What kind of token to sign: the platform's access token, or one of the tokens every service must refuse. */
    private enum Shape { ACCESS, ID_TOKEN, FOREIGN_AUDIENCE, LOST_TERRITORY }

    /** An OpenID Connect ID token of this provider: same key, same person, but not an access token. */
    public String idToken(String role, String territory, String aci) {
        return sign(key, issuer, subjectOf(role, territory, aci), role, territory, aci, Instant.now().plusSeconds(3600),
                Shape.ID_TOKEN);
    }

    /** An access token of this provider issued for another application's audience. */
    public String foreignAudience(String role, String territory, String aci) {
        return sign(key, issuer, subjectOf(role, territory, aci), role, territory, aci, Instant.now().plusSeconds(3600),
                Shape.FOREIGN_AUDIENCE);
    }

    /**
     * A token of a territorial person whose identity provider dropped the territory claim: no territory and no
     * {@code national} claim either. Services must refuse it everything (it is not a national token).
     */
    public String withoutTerritory(String subject, String role) {
        return sign(key, issuer, subject, role, null, null, Instant.now().plusSeconds(3600), Shape.LOST_TERRITORY);
    }

    /**
     * A portfolio's token (issue 19 item 6), as the provider issues it: a {@code territories} claim listing them all
     * and no single {@code territory}. With one territory it is an ordinary territorial token in the new form.
     */
    public String portfolio(String subject, String role, String... territories) {
        return sign(key, issuer, subject, role, null, null, Instant.now().plusSeconds(3600), Shape.ACCESS,
                java.util.List.of(territories));
    }

    /** A token that contradicts itself: its {@code territory} is not among its {@code territories}. Refused (401). */
    public String disagreeingTerritories(String subject, String role, String territory, String... territories) {
        return sign(key, issuer, subject, role, territory, null, Instant.now().plusSeconds(3600), Shape.ACCESS,
                java.util.List.of(territories));
    }

    private static String subjectOf(String role, String territory, String aci) {
        return role + "-" + (aci != null ? aci : territory != null ? territory : "national");
    }

    private static String sign(RSAKey signingKey, String iss, String subject, String role, String territory,
                               String aci, Instant expiresAt) {
        return sign(signingKey, iss, subject, role, territory, aci, expiresAt, Shape.ACCESS);
    }

    private static String sign(RSAKey signingKey, String iss, String subject, String role, String territory,
                               String aci, Instant expiresAt, Shape shape) {
        return sign(signingKey, iss, subject, role, territory, aci, expiresAt, shape, null);
    }

    private static String sign(RSAKey signingKey, String iss, String subject, String role, String territory,
                               String aci, Instant expiresAt, Shape shape, java.util.List<String> territories) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).subject(subject)
                .issueTime(Date.from(expiresAt.minusSeconds(3700))).expirationTime(Date.from(expiresAt))
                .claim("role", role);
        if (shape == Shape.ID_TOKEN) {   // what the provider gives the gateway at sign-in: the client's audience, no token_use
            claims.audience("convergence-gateway");
        } else {
            claims.audience(shape == Shape.FOREIGN_AUDIENCE ? "another-application" : "convergence-platform")
                    .claim("token_use", "access");
        }
        if (territories != null) {
            claims.claim("territories", territories);
        }
        if (territory != null) {
            claims.claim("territory", territory);
        } else if (shape != Shape.LOST_TERRITORY && territories == null) {
            claims.claim("national", true);
        }
        if (aci != null) {
            claims.claim("aci", aci);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
