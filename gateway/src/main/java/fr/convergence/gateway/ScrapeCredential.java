package fr.convergence.gateway;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Prometheus's credential at the gateway: user {@value #USER}, the password of {@code METRICS_SCRAPE_PASSWORD}
 * (HTTP Basic, which Prometheus sends from a password file). It grants role {@value #ROLE}, which opens
 * {@code /actuator/prometheus} only. Without a password configured nobody gets it (an admin token still scrapes).
 * Passwords are compared as SHA-256 digests in constant time: no hashing cost an anonymous caller could multiply, no
 * timing leak of the secret (a long random one; it is not a person's password).
 */
final class ScrapeCredential implements ReactiveAuthenticationManager {

    static final String USER = "prometheus";
    static final String ROLE = "metrics-scraper";

    private final byte[] expected;

    ScrapeCredential(String password) {
        this.expected = password == null || password.isBlank() ? null : digest(password);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        boolean match = expected != null && USER.equals(attempt.getName())
                && MessageDigest.isEqual(expected, digest(String.valueOf(attempt.getCredentials())));
        return match ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(USER, null,
                AuthorityUtils.createAuthorityList("ROLE_" + ROLE)))
                : Mono.error(new BadCredentialsException("not the scrape credential"));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
