package fr.convergence.participant.web;

import fr.convergence.kit.web.Correlation;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (an encoded '/' or a NUL in the path, a
 * request line larger than the header limit): RFC 9457 problem+json instead of Tomcat's HTML page. Nothing of the
 * request is echoed, so the body is the same whatever was sent. Tomcat instantiates it by class name, hence public.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Tomcat's own guards: errors only, nothing written yet, reported once, the connection still writable
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
            case 413 -> "size";
            default -> status >= 500 ? "internal" : "refused";
        };
        String detail = rule.equals("malformed")
                ? "the request was refused before reaching the API: its address or headers are malformed or too long"
                : "the request was refused before reaching the API";
        String body = """
                {"type":"https://convergence-france.org/problems/%s","title":"%s","status":%d,"detail":"%s",\
                "rule":"%s","field":"path","correlationId":"%s"}""".formatted(rule,
                known == null ? "Error" : known.getReasonPhrase(), status, detail, rule, Correlation.current());
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // the client left or the response was committed meanwhile: nothing more can be said
        }
    }
}
