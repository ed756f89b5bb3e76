package fr.convergence.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** {@link VerifiedTokens} for a WebFlux application (the gateway): the same memory, the same rules. */
public final class ReactiveVerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final TokenMemory memory;

    /** @param capacity how many distinct tokens to keep (least recently used dropped first) */
    public ReactiveVerifiedTokens(ReactiveJwtDecoder delegate, int capacity, Clock clock) {
        this.delegate = delegate;
        this.memory = new TokenMemory(capacity, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return Mono.defer(() -> {
            Jwt known = memory.known(token);
            return known != null ? Mono.just(known)
                    : delegate.decode(token).doOnNext(jwt -> memory.keep(token, jwt));   // an error keeps nothing
        });
    }

    int size() {
        return memory.size();
    }
}
