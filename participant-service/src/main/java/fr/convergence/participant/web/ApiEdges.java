package fr.convergence.participant.web;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ProblemHandler;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The edges of the HTTP API that no controller sees, found by ApiFuzzTest:
 * <ul>
 *   <li>a path the security firewall rejects (an encoded '%', a ';', a '\' …) answered Spring Boot's own error
 *   JSON, and one Tomcat refuses by itself (an encoded '/', a NUL, a request line over the header limit) its HTML
 *   page: both now answer 400 problem+json like every other refusal;</li>
 *   <li>the OpenAPI document listed the controllers' {@link Caller} as a query parameter {@code caller}, telling
 *   clients (and the fuzzer) that {@code DELETE /api/participants/{id}?caller=…} meant something; the caller comes
 *   from the bearer token only.</li>
 * </ul>
 * Every servlet service has the same gaps: this belongs in service-kit and is kept here until it moves there.
 */
@Configuration
class ApiEdges {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Spring Security uses this bean for what its firewall rejects, before any filter or controller runs. */
    @Bean
    RequestRejectedHandler problemJsonForRejectedRequests(JsonMapper json) {
        return (request, response, rejected) -> {
            ProblemDetail body = ProblemHandler.body(HttpStatus.BAD_REQUEST, "malformed",
                    "the request path contains characters that are not allowed (encoded '%', ';', '\\', '//' …)",
                    List.of(Map.of("field", "path", "rule", "malformed",
                            "message", "characters not allowed in a path")), request);
            body.setInstance(null); // the refused path is not echoed back
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), body);
        };
    }

    /** Tomcat renders its own refusals with {@link ProblemErrorReportValve} instead of an HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
