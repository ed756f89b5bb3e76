package fr.convergence.reporting.web;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ProblemHandler;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests refused before any controller sees them answer problem+json too, like every other refusal:
 * <ul>
 *   <li>by Spring Security's firewall (an encoded {@code ;}, {@code %}, {@code /} or a control character in the
 *   URL): 400 {@code malformed-request}, field {@code path}, instead of Boot's plain error JSON;</li>
 *   <li>by Tomcat itself (an encoded NUL or slash in the path, a request line or headers over the size limit):
 *   400 {@code malformed-request}, instead of Tomcat's HTML error page.</li>
 * </ul>
 * Also keeps the {@link Caller} controller argument (resolved from the token) out of the OpenAPI document, where
 * springdoc would otherwise publish it as a required query parameter {@code caller}.
 * <p>Nothing here is specific to reporting: it belongs in service-kit, where every service would get it.
 */
@Configuration(proxyBeanMethods = false)
public class RefusalsAsProblems {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    RequestRejectedHandler problemOnRejectedRequest(JsonMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemHandler.body(HttpStatus.BAD_REQUEST,
                    "malformed-request", rejected.getMessage(), List.of(Map.of("field", "path",
                            "rule", "malformed-request", "message", "the URL holds a character that is refused")),
                    request));
        };
    }

    /** Replaces the host's HTML error report (which Boot installs) with {@link ProblemReport}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                if (host instanceof StandardHost standard) {
                    // the class the host itself would otherwise add at start when it finds none of it
                    standard.setErrorReportValveClass(ProblemReport.class.getName());
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReport());
            });
        }

        /** After Boot's own Tomcat customizer, which adds the HTML report valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Tomcat's last word on a request its connector refused (nothing written by the application): a problem+json
     * body with the status Tomcat chose, and no server details.
     */
    public static final class ProblemReport extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public ProblemReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String rule = status == 400 ? "malformed-request" : status == 413 || status == 414 ? "size" : "refused";
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://convergence-france.org/problems/" + rule);
            problem.put("title", known == null ? "Error" : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", status == 400
                    ? "the request line or headers are malformed or too long (encoded NUL or slash, size limit)"
                    : "the request was refused before reaching the service");
            problem.put("rule", rule);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response already committed: nothing more can be said
            }
        }
    }
}
