package fr.convergence.pathway.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for participant-service's and partnership-service's history endpoints (the end-to-end suite runs the
 * real ones). Like them, it admits a call only with a bearer token and never takes an identity from
 * {@code X-User-Id}: a call without a token, or one asserting a user in that header, is answered 401.
 */
public final class HistoryServicesStandIn {

    private final HttpServer server;
    private final AtomicBoolean partnershipDown = new AtomicBoolean();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private HistoryServicesStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the exact routes of participant-service and partnership-service: anything else is a 404
        server.createContext("/api/participants/", exchange -> {
            if (admitted(exchange)) {
                reply(exchange, exchange.getRequestURI().getPath().matches("/api/participants/PSN-[^/]+/history")
                        ? 200 : 404, """
                        {"items":[{"eventId":"r1","type":"ParticipantRegistered","sequence":0,"occurredOn":"2020-01-01",
                        "recordedAt":"2020-01-01T09:00:00Z","recordedBy":"cip-1","correlationId":"c-1",
                        "data":{"firstName":"[erased]","ageBand":"35-44"}}]}""");
            }
        });
        server.createContext("/api/partnerships/", exchange -> {
            if (!admitted(exchange)) {
                return;
            }
            if (!exchange.getRequestURI().getPath().matches("/api/partnerships/participants/PSN-[^/]+/history")) {
                reply(exchange, 404, "{}");
            } else if (partnershipDown.get()) {
                reply(exchange, 503, "{}");
            } else {
                reply(exchange, 200, """
                        {"items":[{"eventId":"x1","type":"ReferralProposed","sequence":0,"occurredOn":"2099-01-01",
                        "recordedAt":"2099-01-01T09:00:00Z","recordedBy":"cp-1","correlationId":"c-2",
                        "data":{"domain":"HOUSING"}}]}""");
            }
        });
        server.start();
    }

    public static HistoryServicesStandIn start() {
        return new HistoryServicesStandIn();
    }

    /** Points the service's audit at this stand-in for both other services. */
    public void register(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("convergence.participant-url", () -> base);
        registry.add("convergence.partnership-url", () -> base);
    }

    public void partnershipDown(boolean down) {
        partnershipDown.set(down);
    }

    /** The Authorization header of every admitted call, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void clear() {
        authorizations.clear();
    }

    public void stop() {
        server.stop(0);
    }

    private boolean admitted(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || exchange.getRequestHeaders().containsKey("X-User-Id")) {
            reply(exchange, 401, "{}");
            return false;
        }
        authorizations.add(authorization);
        return true;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
