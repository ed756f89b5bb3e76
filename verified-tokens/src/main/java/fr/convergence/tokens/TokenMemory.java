package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tokens a decoder already verified, under their exact text, least recently used dropped first. A token is
 * served from here only between its {@code nbf} and its {@code exp}; one without expiry is never kept.
 */
final class TokenMemory {

    private final Clock clock;
    private final Map<String, Jwt> verified;

    TokenMemory(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.clock = clock;
        this.verified = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The verified token, if it is kept and still within its validity; otherwise null (verify it again). */
    Jwt known(String token) {
        Jwt jwt;
        synchronized (verified) {
            jwt = verified.get(token);
        }
        Instant now = clock.instant();
        return jwt != null && jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore())) ? jwt : null;
    }

    /** Keeps a token the delegate just accepted. */
    void keep(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {   // a token without expiry is checked every time
            synchronized (verified) {
                verified.put(token, jwt);
            }
        }
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }
}
