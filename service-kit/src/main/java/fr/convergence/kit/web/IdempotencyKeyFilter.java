package fr.convergence.kit.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a client
 * that repeats a write with the same key — a retry after a lost answer, a double click on a form, a demo load
 * started again after an interruption — gets the first answer back instead of a second effect.
 *
 * <ul>
 *   <li>The key is scoped by the signed-in user, the method and the path: two users (or two routes) never share
 *   one.</li>
 *   <li>The first request claims the key before it runs; a successful (2xx) answer is kept and replayed with
 *   {@code Idempotent-Replayed: true}. A refused request stores nothing (a platform rule), so its claim is released
 *   and a retry runs again: that is what lets a client fix the input or wait out a transient error.</li>
 *   <li>The same key with another body: 422 {@code idempotency-key-reused}. The same key while the first request
 *   still runs: 409 {@code idempotency-key-in-progress} with {@code Retry-After}.</li>
 *   <li>A claim left by a process killed mid-request is taken over after {@code inDoubtAfter}: the request runs
 *   again. Most commands then meet their own effect as a conflict; this window (a crash between the write and
 *   the kept answer) is the one the store cannot close without transactions.</li>
 * </ul>
 */
public final class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Printable ASCII, as the draft's sf-string allows (spaces included), at most 200 characters. */
    private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final long maxBytes;

    public IdempotencyKeyFilter(IdempotencyKeys keys, JsonMapper json, MeterRegistry meters, long maxBytes) {
        this.keys = keys;
        this.json = json;
        this.meters = meters;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "malformed",
                    "an Idempotency-Key is 1 to 200 printable ASCII characters");
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response); // security answers; nothing to remember for an anonymous call
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        String scope = IdempotencyKeys.scope(user.getName(), request.getMethod(), request.getRequestURI(), key);
        String fingerprint = IdempotencyKeys.sha256(canonical(body));
        IdempotencyKeys.Claim claim = keys.claim(scope, fingerprint);
        switch (claim.outcome()) {
            case REUSED -> {
                count("reused");
                refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "this Idempotency-Key was used for another request body; use a new key for a new request");
                return;
            }
            case IN_PROGRESS -> {
                count("in-progress");
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                refuse(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                        "a request with this Idempotency-Key is still running; retry in a moment");
                return;
            }
            case DONE -> {
                count("replayed");
                replay(claim.answer().orElseThrow(), response);
                return;
            }
            case CLAIMED -> {
                // below
            }
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayableBody(request, body), captured);
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                keys.complete(scope, new IdempotencyKeys.Answer(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8)));
                kept = true;
                count("new");
            }
        } finally {
            if (!kept) {
                keys.release(scope);
                count("released");
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * The body as compared between two uses of one key: a JSON body with its object members sorted by name, so
     * that a client re-serialising the same values in another order (a hash map's order changes from one process
     * to the next) is the same request; any other body byte for byte.
     */
    private byte[] canonical(byte[] body) {
        try {
            tools.jackson.databind.JsonNode tree = json.readTree(body);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                StringBuilder out = new StringBuilder();
                canonical(tree, out);
                return out.toString().getBytes(StandardCharsets.UTF_8);
            }
        } catch (RuntimeException notJson) {
            // compared as bytes
        }
        return body;
    }

    private static void canonical(tools.jackson.databind.JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            java.util.List<String> names = new java.util.ArrayList<>(node.propertyNames());
            java.util.Collections.sort(names);
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(tools.jackson.databind.node.StringNode.valueOf(names.get(i))).append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private void replay(IdempotencyKeys.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                        String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemHandler.body(status, rule, detail,
                List.of(Map.of("field", HEADER, "message", detail)), request));
    }

    private void count(String outcome) {
        meters.counter("convergence.idempotency", "outcome", outcome).increment();
    }

    /** The request with its body already read (to fingerprint it) served again to the controller. */
    private static final class ReplayableBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = Optional.ofNullable(getCharacterEncoding()).orElse("UTF-8");
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
