package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;

/**
 * Verifies each distinct token once per instance, then serves it from memory until it expires. A client sends the
 * same bearer token with every request of its session, and an RS256 check per request was most of the added cost
 * of security on the command path (BENCHMARKS.md). Only a token the delegate accepted is kept, under its exact text,
 * so a hit is the very token already verified; past its {@code exp} (or before its {@code nbf}) it goes back to the
 * delegate, which decides. A kept token is served at most {@code maxAge} after its check (5 minutes by default),
 * and the memory empties when the provider's keys change (a token signed with a new key id, or
 * {@link #keysChanged()}): what is given up is bounded to a token whose signing key the provider withdraws staying
 * accepted here for at most {@code maxAge}.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final TokenMemory memory;

    /** Keeps each token at most 5 minutes ({@link #DEFAULT_MAX_AGE}). */
    public VerifiedTokens(JwtDecoder delegate, int capacity, Clock clock) {
        this(delegate, capacity, DEFAULT_MAX_AGE, clock);
    }

    /**
     * @param capacity how many distinct tokens to keep (least recently used dropped first)
     * @param maxAge   how long after its check a token is served from memory (keep it well under token lifetimes)
     */
    public VerifiedTokens(JwtDecoder delegate, int capacity, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.memory = new TokenMemory(capacity, maxAge, clock);
    }

    /** How long a verified token is kept unless told otherwise: well under the platform's token lifetimes. */
    public static final Duration DEFAULT_MAX_AGE = TokenMemory.DEFAULT_MAX_AGE;

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

    /**
     * The provider's key set changed (a key added or withdrawn): every kept token is verified again on its next use.
     * For a decoder's key source to call when it fetches a key set different from the one it had.
     */
    public void keysChanged() {
        memory.flush();
    }

    int size() {
        return memory.size();
    }
}
