package fr.convergence.kit.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own refusals (the request never reached the application) as RFC 9457 problem+json: status, a rule
 * code, no internals, no echo of the refused input.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

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
        String detail = status == 400 || status == 414 || status == 431 // the request line, not the body
                ? "the request line or headers are malformed or too long (e.g. an encoded '/' or NUL in the path)"
                : known == null ? "refused" : known.getReasonPhrase();
        boolean requestLine = status == 400 || status == 414 || status == 431;
        String body = "{\"type\":\"https://convergence-france.org/problems/" + rule + "\",\"title\":\""
                + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"rule\":\"" + rule + "\""
                + (requestLine ? ",\"field\":\"path\"" : "") + "}";
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
