package fr.convergence.participant.actor;

import fr.convergence.kit.web.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Who acts, for now taken from the {@value #HEADER} header set by the gateway. This class is the only place
 * that knows it: the security issue replaces its body with the JWT subject, and every controller, which just
 * declares an {@link Actor} parameter, stays as it is. The id is checked against a strict pattern because it
 * is written into the access log and into events.
 */
public class CurrentActorResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-User-Id";
    private static final String FORMAT = "[A-Za-z0-9_.@-]{1,64}";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                 NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String user = request.getHeader(HEADER);
        if (user == null || !user.matches(FORMAT)) {
            throw ApiException.badRequest(HEADER, "header " + HEADER + " must name the acting user (" + FORMAT + ")");
        }
        return new Actor(user);
    }
}
