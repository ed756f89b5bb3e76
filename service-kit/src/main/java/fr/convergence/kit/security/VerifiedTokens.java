package fr.convergence.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies each distinct token once per instance, then serves it from memory until it expires. A client sends the
 * same bearer token with every request of its session, and an RS256 check per request was most of the added cost
 * of security on the command path (BENCHMARKS.md). Only a token the delegate accepted is kept, under its exact text,
 * so a hit is the very token already verified; past its {@code exp} (or before its {@code nbf}) it goes back to the
 * delegate, which decides. What is given up: a token whose signing key the provider withdraws stays accepted here
 * until it expires, as it would at any resource server that caches the provider's keys.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified;

    /** @param capacity how many distinct tokens to keep (least recently used dropped first) */
    public VerifiedTokens(JwtDecoder delegate, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && valid(known, now)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);   // throws for a bad token: nothing is kept
        if (jwt.getExpiresAt() != null) {   // a token without expiry is checked every time
            synchronized (verified) {
                verified.put(token, jwt);
            }
        }
        return jwt;
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private static boolean valid(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
