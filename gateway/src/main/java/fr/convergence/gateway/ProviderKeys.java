package fr.convergence.gateway;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The identity provider's signing keys, for the gateway's token decoder. Spring's own remote key source fetches the
 * provider's key set again for every token whose key id it does not know, so anyone could make the gateway hammer
 * the provider with made-up key ids (issue 21 finding 10). Here a token whose key id is not in the set held triggers
 * a fetch only if none started within {@code minInterval}; otherwise it finds no key and is refused (401) without a
 * fetch. Concurrent tokens share the fetch under way. A new key the provider publishes is therefore picked up at
 * most {@code minInterval} after the previous fetch. A failed fetch keeps the keys held and allows the next attempt
 * after {@code afterFailure} only, so that a gateway started while the provider was down recovers quickly.
 */
final class ProviderKeys {

    private static final Logger log = LoggerFactory.getLogger(ProviderKeys.class);

    /**
     * The keys held, the earliest instant a fetch may start, and the fetch under way (null if none) with the instant
     * it started.
     */
    private record State(JWKSet keys, Instant nextFetch, Mono<JWKSet> fetching, Instant fetchStarted) {
    }

    private final WebClient web;
    private final String uri;
    private final Duration minInterval;
    private final Duration afterFailure;
    private final Clock clock;
    private final Runnable keysChanged;
    private final AtomicReference<State> state;

    /** @param keysChanged told when a fetch brings a key set with other key ids than the one held (rotation) */
    ProviderKeys(WebClient web, String uri, Duration minInterval, Duration afterFailure, Clock clock,
                 Runnable keysChanged) {
        this.web = web;
        this.uri = uri;
        this.minInterval = minInterval;
        this.afterFailure = afterFailure;
        this.clock = clock;
        this.keysChanged = keysChanged;
        this.state = new AtomicReference<>(new State(new JWKSet(), Instant.MIN, null, null));
    }

    /** The keys that may have signed this token: from the set held, or from a fetch if one is allowed now. */
    Flux<JWK> keysFor(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        List<JWK> held = selector.select(state.get().keys());
        if (!held.isEmpty()) {
            return Flux.fromIterable(held);
        }
        return fetchIfAllowed().flatMapMany(keys -> Flux.fromIterable(selector.select(keys)));
    }

    /** The fetch under way, a new one if the interval allows, or else the keys held (no fetch: the token fails). */
    private Mono<JWKSet> fetchIfAllowed() {
        while (true) {
            State now = state.get();
            Instant at = clock.instant();
            // a fetch under way is shared; one still not ended after the interval (timeouts make that unlikely) no
            // longer holds back the next
            if (now.fetching() != null && at.isBefore(now.fetchStarted().plus(minInterval))) {
                return now.fetching();
            }
            if (at.isBefore(now.nextFetch()) && now.fetching() == null) {
                return Mono.just(now.keys());
            }
            // The fetch runs on its own, not on the caller's subscription: a caller that goes away does not cancel
            // it for the others waiting on it. It always ends with a key set (the one held if it fails).
            Sinks.One<JWKSet> result = Sinks.one();
            if (state.compareAndSet(now, new State(now.keys(), at.plus(minInterval), result.asMono(), at))) {
                JWKSet held = now.keys();
                fetch(held).subscribe(result::tryEmitValue, e -> result.tryEmitValue(held),
                        () -> result.tryEmitValue(held));
                return result.asMono();
            }
        }
    }

    private Mono<JWKSet> fetch(JWKSet held) {
        return web.get().uri(uri).retrieve().bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty answer")))
                .map(ProviderKeys::parse)
                .doOnNext(this::fetched)
                .onErrorResume(e -> {
                    log.warn("could not fetch the identity provider's keys from {}: {}", uri, e.toString());
                    failed();
                    return Mono.just(held);
                });
    }

    private void fetched(JWKSet keys) {
        State before = state.getAndUpdate(s -> new State(keys, s.nextFetch(), null, null));
        if (!keyIds(before.keys()).equals(keyIds(keys))) {
            keysChanged.run();   // a key added or withdrawn: tokens kept under the old set are judged again
        }
    }

    private void failed() {
        Instant retry = clock.instant().plus(afterFailure);
        state.updateAndGet(s -> new State(s.keys(), retry.isBefore(s.nextFetch()) ? retry : s.nextFetch(), null, null));
    }

    private static Set<String> keyIds(JWKSet keys) {
        return keys.getKeys().stream().map(k -> String.valueOf(k.getKeyID())).collect(Collectors.toSet());
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the identity provider's key set is not a JWK set", e);
        }
    }
}
