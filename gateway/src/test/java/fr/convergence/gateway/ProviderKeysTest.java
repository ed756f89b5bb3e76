package fr.convergence.gateway;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's key source on a clock the test moves: fetches per interval, rotation, a provider that is down. */
class ProviderKeysTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger rotations = new AtomicInteger();
    private final CountingKeyServer provider;

    ProviderKeysTest() throws IOException {
        provider = new CountingKeyServer();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private ProviderKeys keys(String uri) {
        return new ProviderKeys(WebClient.create(), uri, Duration.ofSeconds(30), Duration.ofSeconds(1), clock,
                rotations::incrementAndGet);
    }

    private List<JWK> keysFor(ProviderKeys keys, RSAKey signer, String kid) throws Exception {
        return keys.keysFor(SignedJWT.parse(provider.token(signer, kid, "cip"))).collectList().block();
    }

    @Test
    void unknownKeyIdsFetchAtMostOncePerIntervalAndANewKeyIsPickedUpAfterIt() throws Exception {
        RSAKey first = provider.publishNewKey("first");
        ProviderKeys keys = keys(provider.jwkSetUri());
        assertThat(keysFor(keys, first, "first")).extracting(JWK::getKeyID).containsExactly("first");
        assertThat(provider.fetches()).isEqualTo(1);

        RSAKey second = provider.publishNewKey("second");   // the provider rotates
        now.set(T0.plusSeconds(29));
        assertThat(keysFor(keys, second, "second")).as("within the interval: refused, no fetch").isEmpty();
        assertThat(keysFor(keys, first, "made-up")).isEmpty();
        assertThat(keysFor(keys, first, "first")).hasSize(1);
        assertThat(provider.fetches()).isEqualTo(1);

        now.set(T0.plusSeconds(30));
        assertThat(keysFor(keys, second, "second")).extracting(JWK::getKeyID).containsExactly("second");
        assertThat(provider.fetches()).isEqualTo(2);
        assertThat(rotations).as("the verified-token memory is told twice: first key set, then the new key").hasValue(2);
    }

    @Test
    void theSameKeySetFetchedAgainIsNoRotation() throws Exception {
        RSAKey first = provider.publishNewKey("first");
        ProviderKeys keys = keys(provider.jwkSetUri());
        keysFor(keys, first, "first");
        now.set(T0.plusSeconds(60));
        keysFor(keys, first, "made-up");

        assertThat(provider.fetches()).isEqualTo(2);
        assertThat(rotations).hasValue(1);
    }

    @Test
    void aProviderThatIsDownIsTriedAgainAfterASecondNotAfterTheWholeInterval() throws Exception {
        RSAKey first = provider.publishNewKey("first");
        ProviderKeys keys = keys(provider.jwkSetUri());
        provider.down(true);
        assertThat(keysFor(keys, first, "first")).isEmpty();
        now.set(T0.plusMillis(999));
        assertThat(keysFor(keys, first, "first")).as("no second attempt within the second").isEmpty();
        assertThat(provider.fetches()).isEqualTo(1);

        provider.down(false);
        now.set(T0.plusSeconds(1));
        assertThat(keysFor(keys, first, "first")).extracting(JWK::getKeyID).containsExactly("first");
        assertThat(provider.fetches()).isEqualTo(2);
    }
}
