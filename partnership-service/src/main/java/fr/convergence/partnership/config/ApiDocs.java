package fr.convergence.partnership.config;

import fr.convergence.kit.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document describes what a client sends: the {@link Caller} parameter of the controllers is resolved
 * from the bearer token, so it is no request parameter (springdoc listed it as a required query {@code caller}).
 * Belongs in service-kit, next to the Caller resolver.
 */
@Configuration
class ApiDocs {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
