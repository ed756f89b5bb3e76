package fr.convergence.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Gives every request one correlation id (the caller's, if it is well-formed; a new one otherwise), forwards it
 * to the service and returns it to the caller, so that one id links gateway, service and Kafka logs.
 */
@Component
class CorrelationIdFilter implements GlobalFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    /** The logging context key, the same as the services' (logging.pattern.correlation in application.yml). */
    static final String MDC_KEY = "correlationId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = sanitise(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(HEADER, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> h.set(HEADER, id)))
                .build();
        return chain.filter(forwarded);
    }

    static String sanitise(String candidate) {
        if (candidate == null || candidate.length() > 64 || !candidate.matches("[A-Za-z0-9._:-]+")) {
            return UUID.randomUUID().toString();
        }
        return candidate;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
