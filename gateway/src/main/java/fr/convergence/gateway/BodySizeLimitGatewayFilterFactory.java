package fr.convergence.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses request bodies larger than {@code maxBytes} before they reach a service (413 problem+json), and bodies
 * of unknown length (chunked), whose size could only be learnt by reading them (411 problem+json).
 */
@Component
public class BodySizeLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<BodySizeLimitGatewayFilterFactory.Config> {

    public BodySizeLimitGatewayFilterFactory() {
        super(Config.class);
    }

    public static class Config {
        private long maxBytes = 1024 * 1024;

        public long getMaxBytes() {
            return maxBytes;
        }

        public void setMaxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            long length = exchange.getRequest().getHeaders().getContentLength();
            boolean chunked = "chunked".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("Transfer-Encoding"));
            if (length > config.maxBytes) {
                return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "size",
                        "the request body is larger than " + config.maxBytes + " bytes");
            }
            if (length < 0 && chunked) {
                return Problems.write(exchange, HttpStatus.LENGTH_REQUIRED, "size",
                        "send the request body with a Content-Length");
            }
            return chain.filter(exchange);
        };
    }
}
