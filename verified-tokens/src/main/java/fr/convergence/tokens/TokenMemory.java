package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tokens a decoder already verified, under their exact text, least recently used dropped first. A token is
 * served from here only between its {@code nbf} and its {@code exp}, and at most {@code maxAge} after it was
 * verified: a key the provider withdraws then stops opening the APIs within {@code maxAge}, not when its tokens
 * expire (issue 21 finding 5). One without expiry is never kept.
 *
 * <p>Key rotation empties the memory: the first verified token signed with a key id never seen before (the
 * provider published a new key), or a decoder saying that the provider's key set changed ({@link #flush()}), drops
 * every kept token, so the ones signed with older keys go back to the delegate, which judges them against the
 * provider's current keys.
 */
final class TokenMemory {

    /** Well under the platform's token lifetimes (an hour at most): how long a verified token is taken on trust. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    /** A provider publishes a handful of keys; past this many ids something is off: forget them (and flush). */
    private static final int MAX_KEY_IDS = 64;
    /** Tokens without a {@code kid} header (a provider with a single key) share this key id. */
    private static final String NO_KEY_ID = "";

    /** A verified token and when it was verified. */
    private record Kept(Jwt jwt, Instant verifiedAt) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Kept> verified;
    /** The key ids of the tokens kept since the last flush: guarded by {@link #verified}'s lock. */
    private final Set<String> keyIds = new HashSet<>();

    TokenMemory(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The verified token, if it is kept, still valid and kept less than maxAge; otherwise null (verify it again). */
    Jwt known(String token) {
        Kept kept;
        synchronized (verified) {
            kept = verified.get(token);
        }
        if (kept == null) {
            return null;
        }
        Instant now = clock.instant();
        Jwt jwt = kept.jwt();
        boolean fresh = now.isBefore(kept.verifiedAt().plus(maxAge));
        boolean valid = jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
        return fresh && valid ? jwt : null;
    }

    /** Keeps a token the delegate just accepted; one signed with a key id not seen yet first flushes the memory. */
    void keep(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {   // a token without expiry is checked every time
            return;
        }
        Object kid = jwt.getHeaders().get("kid");
        String keyId = kid == null ? NO_KEY_ID : kid.toString();
        synchronized (verified) {
            if (!keyIds.contains(keyId)) {
                // a new signing key: the provider rotated, so what was verified under the older keys is judged again
                verified.clear();
                if (keyIds.size() >= MAX_KEY_IDS) {
                    keyIds.clear();
                }
                keyIds.add(keyId);
            }
            verified.put(token, new Kept(jwt, clock.instant()));
        }
    }

    /** Forgets every kept token: the provider's key set changed (a decoder fetched a different one). */
    void flush() {
        synchronized (verified) {
            verified.clear();
        }
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }
}
