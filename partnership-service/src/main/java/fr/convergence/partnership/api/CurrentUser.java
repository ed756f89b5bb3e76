package fr.convergence.partnership.api;

import fr.convergence.kit.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who acts. For now the {@code X-User-Id} header set by the gateway; the security issue replaces this one class
 * with the JWT subject, nothing else changes.
 */
@Component
public class CurrentUser {

    public static final String HEADER = "X-User-Id";
    private static final String CODE = "[A-Za-z0-9_.@:-]{1,64}";

    public String id(HttpServletRequest request) {
        String id = request.getHeader(HEADER);
        if (id == null || !id.matches(CODE)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "missing-user", HEADER,
                    "send the acting user's id in " + HEADER);
        }
        return id;
    }
}
