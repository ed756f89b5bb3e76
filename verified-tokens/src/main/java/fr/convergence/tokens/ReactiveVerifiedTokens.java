package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/** {@link VerifiedTokens} for a WebFlux application (the gateway): the same memory, the same rules. */
public final class ReactiveVerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final TokenMemory memory;

    /** Keeps each token at most 5 minutes ({@link VerifiedTokens#DEFAULT_MAX_AGE}). */
    public ReactiveVerifiedTokens(ReactiveJwtDecoder delegate, int capacity, Clock clock) {
        this(delegate, capacity, VerifiedTokens.DEFAULT_MAX_AGE, clock);
    }

    /**
     * @param capacity how many distinct tokens to keep (least recently used dropped first)
     * @param maxAge   how long after its check a token is served from memory (keep it well under token lifetimes)
     */
    public ReactiveVerifiedTokens(ReactiveJwtDecoder delegate, int capacity, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.memory = new TokenMemory(capacity, maxAge, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return Mono.defer(() -> {
            Jwt known = memory.known(token);
            return known != null ? Mono.just(known)
                    : delegate.decode(token).doOnNext(jwt -> memory.keep(token, jwt));   // an error keeps nothing
        });
    }

    /** The provider's key set changed: every kept token is verified again on its next use (see VerifiedTokens). */
    public void keysChanged() {
        memory.flush();
    }

    int size() {
        return memory.size();
    }
}
