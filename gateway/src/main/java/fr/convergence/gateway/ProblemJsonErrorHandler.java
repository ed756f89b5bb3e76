package fr.convergence.gateway;

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
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return Problems.write(exchange, HttpStatus.valueOf(status.value()), rule, detail);
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
