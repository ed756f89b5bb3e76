package fr.convergence.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    /** How long the tokens the delegate accepts live: 5 minutes unless a test says otherwise. */
    private final AtomicReference<java.time.Duration> lifetime = new AtomicReference<>(java.time.Duration.ofMinutes(5));
    /**
     * Stands for the signature check: accepts tokens named "good-…", expiring {@link #lifetime} after NOW; a token
     * named "good-…@k" is signed with key id k (else key id "k1").
     */
    private final List<String> verifiedByDelegate = new ArrayList<>();
    private final JwtDecoder delegate = token -> {
        verifiedByDelegate.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        String kid = token.contains("@") ? token.substring(token.indexOf('@') + 1) : "k1";
        return Jwt.withTokenValue(token).header("alg", "RS256").header("kid", kid).subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(lifetime.get())).build();
    };

    @Test
    void aTokenIsVerifiedOnceThenServedUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);

        Jwt first = tokens.decode("good-1");
        now.set(NOW.plusSeconds(299));
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifiedByDelegate).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenGoesBackToTheDelegate() {
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);
        tokens.decode("good-1");

        now.set(NOW.plusSeconds(300));
        tokens.decode("good-1");

        assertThat(verifiedByDelegate).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedByDelegate).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactTextOfAVerifiedTokenHits() {
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);
        tokens.decode("good-1");

        tokens.decode("good-1 ");

        assertThat(verifiedByDelegate).containsExactly("good-1", "good-1 ");
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        VerifiedTokens tokens = new VerifiedTokens(delegate, 2, clock);
        tokens.decode("good-1");
        tokens.decode("good-2");
        tokens.decode("good-1");   // used again: good-2 is now the eldest
        tokens.decode("good-3");

        tokens.decode("good-1");
        tokens.decode("good-2");

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(verifiedByDelegate).containsExactly("good-1", "good-2", "good-3", "good-2");
    }

    @Test
    void theGatewaysReactiveDecoderKeepsTokensTheSameWay() {
        ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(
                token -> reactor.core.publisher.Mono.fromCallable(() -> delegate.decode(token)), 10, clock);

        Jwt first = tokens.decode("good-1").block();
        Jwt again = tokens.decode("good-1").block();
        now.set(NOW.plusSeconds(300));
        tokens.decode("good-1").block();

        assertThat(again).isSameAs(first);
        assertThat(verifiedByDelegate).containsExactly("good-1", "good-1");
    }

    @Test
    void theGatewaysReactiveDecoderNeverKeepsARefusedToken() {
        ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(
                token -> reactor.core.publisher.Mono.fromCallable(() -> delegate.decode(token)), 10, clock);

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(tokens.size()).isZero();
        assertThat(verifiedByDelegate).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsKeptAtMostFiveMinutesByDefaultThenVerifiedAgain() {
        lifetime.set(java.time.Duration.ofHours(1));
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);
        tokens.decode("good-1");

        now.set(NOW.plusSeconds(299));
        tokens.decode("good-1");
        now.set(NOW.plusSeconds(300));
        tokens.decode("good-1");   // 55 minutes of validity left, but kept 5 minutes: checked again
        now.set(NOW.plusSeconds(301));
        tokens.decode("good-1");   // kept again from its second check

        assertThat(verifiedByDelegate).containsExactly("good-1", "good-1");
    }

    /**
     * The provider rotated its keys: the first token signed with a key id this memory never saw empties it, so every
     * token kept under the older keys is checked again against the provider's current key set (a withdrawn key then
     * stops working at once instead of when its tokens expire).
     */
    @Test
    void aTokenSignedWithAKeyNeverSeenFlushesTheTokensKeptUnderTheOlderKeys() {
        lifetime.set(java.time.Duration.ofHours(1));
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);
        tokens.decode("good-old@k1");
        tokens.decode("good-other@k1");

        tokens.decode("good-new@k2");
        tokens.decode("good-old@k1");
        tokens.decode("good-new@k2");
        tokens.decode("good-old@k1");

        assertThat(verifiedByDelegate).containsExactly("good-old@k1", "good-other@k1", "good-new@k2", "good-old@k1");
    }

    @Test
    void theGatewaysReactiveDecoderFlushesOnANewKeyIdToo() {
        lifetime.set(java.time.Duration.ofHours(1));
        ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(
                token -> reactor.core.publisher.Mono.fromCallable(() -> delegate.decode(token)), 10, clock);
        tokens.decode("good-old@k1").block();

        tokens.decode("good-new@k2").block();
        tokens.decode("good-old@k1").block();
        now.set(NOW.plusSeconds(300));
        tokens.decode("good-old@k1").block();

        assertThat(verifiedByDelegate).containsExactly("good-old@k1", "good-new@k2", "good-old@k1", "good-old@k1");
    }

    @Test
    void theMaximumAgeIsConfigurable() {
        lifetime.set(java.time.Duration.ofHours(1));
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, java.time.Duration.ofSeconds(30), clock);
        tokens.decode("good-1");

        now.set(NOW.plusSeconds(29));
        tokens.decode("good-1");
        now.set(NOW.plusSeconds(30));
        tokens.decode("good-1");

        assertThat(verifiedByDelegate).containsExactly("good-1", "good-1");
    }

    /** What a decoder's key source calls when it fetched a key set different from the one it had. */
    @Test
    void aChangedKeySetFlushesEveryKeptToken() {
        lifetime.set(java.time.Duration.ofHours(1));
        VerifiedTokens tokens = new VerifiedTokens(delegate, 10, clock);
        ReactiveVerifiedTokens reactive = new ReactiveVerifiedTokens(
                token -> reactor.core.publisher.Mono.fromCallable(() -> delegate.decode(token)), 10, clock);
        tokens.decode("good-1");
        reactive.decode("good-2").block();

        tokens.keysChanged();
        reactive.keysChanged();
        tokens.decode("good-1");
        reactive.decode("good-2").block();

        assertThat(verifiedByDelegate).containsExactly("good-1", "good-2", "good-1", "good-2");
        assertThat(tokens.size()).isEqualTo(1);
    }
}
