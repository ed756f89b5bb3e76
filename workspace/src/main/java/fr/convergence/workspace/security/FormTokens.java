package fr.convergence.workspace.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * One key per rendered form, and the CSRF token that goes with it.
 *
 * <p>Why this scheme: the workspace never sees the browser's cookie — the gateway keeps the session and relays only
 * a bearer token — so it cannot keep a session-bound CSRF token of its own, and the gateway's token stays in the
 * gateway's session. Instead each form carries a random {@code formKey} (also the {@code Idempotency-Key} sent to the
 * service, so a double submit records once) and {@code csrf = HMAC-SHA256(secret, userId | formKey)}. A page of
 * another site can make the browser post to the gateway with its session cookie, but it cannot read one of our pages,
 * so it cannot produce a token the HMAC accepts for this user (a signed, stateless synchronizer token; OWASP's "HMAC
 * based token pattern"). The gateway leaves {@code /espace/**} posts to this check.
 *
 * <p>The secret comes from {@code WORKSPACE_FORM_SECRET}; without it a random one is drawn at start, which is right
 * for a single instance (a restart only invalidates forms already open).
 */
public final class FormTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret;

    public FormTokens(String configuredSecret) {
        if (configuredSecret == null || configuredSecret.isBlank()) {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
        } else {
            secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A fresh key for a form about to be rendered. */
    public String newFormKey() {
        return UUID.randomUUID().toString();
    }

    public String csrfFor(String userId, String formKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((userId + "|" + formKey).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a posted token against this user and form key. */
    public boolean valid(String userId, String formKey, String csrf) {
        if (formKey == null || csrf == null || formKey.isBlank() || formKey.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(csrfFor(userId, formKey).getBytes(StandardCharsets.US_ASCII),
                csrf.getBytes(StandardCharsets.US_ASCII));
    }
}
