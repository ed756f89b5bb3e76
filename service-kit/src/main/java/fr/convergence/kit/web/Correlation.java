package fr.convergence.kit.web;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;

/**
 * One correlation id follows a request through HTTP calls and Kafka hops: it is read from the
 * {@value #HEADER} header (HTTP) or record header (Kafka), generated when absent, kept in the logging MDC
 * and copied onto every event the request produces.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    public static String current() {
        return Optional.ofNullable(MDC.get(MDC_KEY)).orElseGet(Correlation::newId);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Accepts a caller's id only if it is short and printable, so that it cannot forge log lines. */
    public static String sanitise(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 64
                || !candidate.matches("[A-Za-z0-9._:-]+")) {
            return newId();
        }
        return candidate;
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
