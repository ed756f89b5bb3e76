package fr.convergence.partnership.config;

import fr.convergence.kit.web.ProblemHandler;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refusals that happen before Spring MVC sees the request leave as problem+json too (found by ApiFuzzTest): a path
 * the security firewall rejects (encoded '%', ';', '\' …) and a request Tomcat itself refuses (encoded '/', a NUL
 * byte, a request line or headers over the limit). Without this they were a Spring Boot error JSON and a Tomcat
 * HTML page. Belongs in service-kit (every servlet service has the same two gaps); kept here until it moves there.
 */
@Configuration
class ContainerErrors {

    /** The firewall's refusal: 400 problem+json, rule {@code malformed}, field {@code path}. */
    @Bean
    RequestRejectedHandler problemJsonRequestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemHandler.body(HttpStatus.BAD_REQUEST, "malformed",
                    "the request path contains characters that are not allowed (encoded '%', ';', '\\', '//' …)",
                    List.of(java.util.Map.of("field", "path", "rule", "malformed",
                            "message", "characters not allowed in a path")), request));
        };
    }

    /** Tomcat renders its own refusals with {@link ProblemJsonErrorReportValve} instead of an HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }

    /**
     * The host's error report as RFC 9457 problem+json, for what the container answers itself (the request never
     * reached the application): status, a rule code, no internals, no echo of the refused input.
     */
    public static class ProblemJsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String rule = switch (status) {
                case 400, 414, 431 -> "malformed";
                case 404 -> "not-found";
                case 405 -> "method";
                case 413 -> "size";
                default -> status >= 500 ? "internal" : "refused";
            };
            String detail = status == 400 || status == 414 || status == 431
                    ? "the request line or headers are malformed or too long (e.g. an encoded '/' or NUL in the path)"
                    : known == null ? "refused" : known.getReasonPhrase();
            String body = "{\"type\":\"https://convergence-france.org/problems/" + rule + "\",\"title\":\""
                    + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"rule\":\"" + rule + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
