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
    /** Stands for the signature check: accepts tokens named "good-…", expiring 5 minutes after NOW. */
    private final List<String> verifiedByDelegate = new ArrayList<>();
    private final JwtDecoder delegate = token -> {
        verifiedByDelegate.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).build();
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
}
