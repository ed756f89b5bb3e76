package fr.convergence.kit.web;

import fr.convergence.kit.security.Caller;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The edges of every service's HTTP API that no controller sees (found by the fuzzers of all four services): a
 * path the security firewall rejects (encoded '%', ';', '\' …) and a request Tomcat refuses itself (encoded '/',
 * NUL, an over-long request line) answer problem+json instead of Boot's error JSON or Tomcat's HTML page; and the
 * OpenAPI documents do not advertise the token-derived {@link Caller} as a query parameter.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerRefusals {

    static {
        // Caller is resolved from the bearer token (CallerArgumentResolver), never sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemJsonRequestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemHandler.body(HttpStatus.BAD_REQUEST, "malformed",
                    "the request path contains characters that are not allowed (encoded '%', ';', '\\\\', '//' …)",
                    List.of(Map.of("field", "path", "rule", "malformed", "message", "characters not allowed in a path")),
                    request));
        };
    }

    /** Tomcat instantiates the host's error report valve when it starts, after every context customizer ran. */
    @Bean
    TomcatContextCustomizer problemJsonErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        };
    }
}
