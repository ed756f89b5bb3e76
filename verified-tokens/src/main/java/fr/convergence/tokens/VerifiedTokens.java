package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

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
    private final TokenMemory memory;

    /** @param capacity how many distinct tokens to keep (least recently used dropped first) */
    public VerifiedTokens(JwtDecoder delegate, int capacity, Clock clock) {
        this.delegate = delegate;
        this.memory = new TokenMemory(capacity, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = memory.known(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);   // throws for a bad token: nothing is kept
        memory.keep(token, jwt);
        return jwt;
    }

    int size() {
        return memory.size();
    }
}
