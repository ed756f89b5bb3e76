package fr.convergence.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per caller (the signed-in user, or the client address before sign-in): {@code burst} requests at
 * once, refilled at {@code requestsPerSecond}. Beyond it: 429 problem+json with Retry-After (OWASP API4). Buckets
 * live in this instance; several gateway replicas each apply the limit (a shared store such as Redis would make
 * it global — Spring Cloud Gateway's RequestRateLimiter — and is not needed at the programme's scale).
 */
@Component
public class CallerRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<CallerRateLimitGatewayFilterFactory.Config> {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Counter limited;

    public CallerRateLimitGatewayFilterFactory(MeterRegistry meters) {
        super(Config.class);
        this.limited = Counter.builder("convergence_gateway_rate_limited").description("calls refused with 429")
                .register(meters);
    }

    public static class Config {
        private double requestsPerSecond = 50;
        private int burst = 100;

        public double getRequestsPerSecond() {
            return requestsPerSecond;
        }

        public void setRequestsPerSecond(double requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
        }

        public int getBurst() {
            return burst;
        }

        public void setBurst(int burst) {
            this.burst = burst;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> exchange.getPrincipal().map(Principal::getName)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(caller -> {
                    forgetIdleCallers();
                    Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(config.burst));
                    long waitNanos = bucket.take(config.requestsPerSecond, config.burst);
                    if (waitNanos == 0) {
                        return chain.filter(exchange);
                    }
                    limited.increment();
                    exchange.getResponse().getHeaders().set("Retry-After",
                            String.valueOf(Math.max(1, (long) Math.ceil(waitNanos / 1e9))));
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limit",
                            "too many requests from this caller; retry after the delay in Retry-After");
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** Every 10,000 calls, drop buckets untouched for ten minutes, so the map does not grow without bound. */
    private void forgetIdleCallers() {
        if (calls.incrementAndGet() % 10_000 == 0) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int burst) {
            tokens = burst;
        }

        /** Takes one token; returns 0, or how long until one is available. */
        synchronized long take(double perSecond, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perSecond * 1e9);
        }
    }
}
