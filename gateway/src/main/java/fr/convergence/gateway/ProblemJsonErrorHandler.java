package fr.convergence.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Errors raised in the gateway itself leave as RFC 9457 problem+json: a service that is down answers 503, one
 * that is too slow 504, and nothing leaks internals.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        String rule = status.value() == 503 ? "service-unavailable" : status.value() == 504 ? "service-timeout"
                : status.is4xxClientError() ? "request" : "gateway";
        String detail = switch (status.value()) {
            case 503 -> "the service behind " + exchange.getRequest().getPath() + " is unavailable; retry later";
            case 504 -> "the service did not answer in time";
            case 404 -> "no such route";
            case 413 -> "the request is too large";
            default -> status.is4xxClientError() ? "the request was refused" : "gateway failure";
        };
        if (status.is5xxServerError()) {
            logFailure(exchange, status, error);
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return Problems.write(exchange, HttpStatus.valueOf(status.value()), rule, detail);
    }

    /**
     * A failed hop is logged with the request's correlation id in the logging context, so that the operator finds
     * the gateway's line next to the service's and the Kafka consumers' lines for the same id. Reactive code hops
     * threads, so the MDC is set around this one call rather than left on a thread; the id is the one the
     * correlation filter attached to the exchange (already sanitised: it cannot forge a log line).
     */
    private static void logFailure(ServerWebExchange exchange, HttpStatusCode status, Throwable error) {
        String id = exchange.getAttribute(CorrelationIdFilter.HEADER);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, id == null ? "" : id)) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), error.toString());
        }
    }

    static HttpStatusCode statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t.getClass().getSimpleName().contains("ConnectException")) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (t instanceof ResponseStatusException rse) {
                return rse.getStatusCode();
            }
        }
        return HttpStatus.BAD_GATEWAY;
    }
}
