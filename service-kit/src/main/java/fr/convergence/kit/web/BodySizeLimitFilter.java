package fr.convergence.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * Refuses a request body larger than the limit before anything reads it (413 problem+json), also for a request that
 * reaches the service without the gateway; a body of unknown length is cut at the limit as it is read.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    public BodySizeLimitFilter(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // Read nothing: the connection is closed after the answer, so the unread body costs nothing.
            response.setHeader("Connection", "close");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemHandler.body(HttpStatus.CONTENT_TOO_LARGE, "size",
                    "the request body is larger than " + maxBytes + " bytes", List.of(), request));
            return;
        }
        chain.doFilter(request, response);
    }
}
