package fr.convergence.gateway;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/** Writes an RFC 9457 problem+json answer from the gateway itself (errors, sign-in, limits). */
final class Problems {

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String rule, String detail) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        String correlation = String.valueOf(exchange.getAttributes().getOrDefault(CorrelationIdFilter.HEADER, ""));
        String body = "{\"type\":\"https://convergence-france.org/problems/" + rule + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(exchange.getRequest().getPath().value())
                + "\",\"rule\":\"" + rule + "\",\"correlationId\":\"" + json(correlation) + "\"}";
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
