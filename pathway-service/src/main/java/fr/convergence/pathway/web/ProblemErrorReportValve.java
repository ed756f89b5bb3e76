package fr.convergence.pathway.web;

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
 * Tomcat's last word on a request it refuses before any servlet sees it (an encoded slash or NUL in the path, a
 * request line larger than the header limit, a malformed URI): problem+json like every other refusal of the API,
 * instead of Tomcat's HTML page. Nothing of the request is echoed, so the body is safe whatever was sent.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's own report: errors only, nothing written yet, reported once, I/O still possible
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String rule = status == 400 ? "malformed" : status == 404 ? "not-found" : status >= 500 ? "internal" : "refused";
        String detail = status == 400
                ? "the request was refused before reaching the API: its address or headers are malformed or too large"
                : "the request was refused before reaching the API";
        String body = """
                {"type":"https://convergence-france.org/problems/%s","title":"%s","status":%d,"detail":"%s",\
                "rule":"%s","correlationId":"%s"}""".formatted(rule, title, status, detail, rule,
                Correlation.current());
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more can be told
        }
    }
}
