package fr.convergence.pathway.web;

import fr.convergence.kit.security.Caller;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edges of the HTTP API that no controller sees: requests refused by Tomcat or the security firewall answer
 * problem+json, and the OpenAPI document does not advertise the token-derived {@link Caller} as a query parameter.
 */
@Configuration
class WebEdgeConfig {

    static {
        // Caller is resolved from the bearer token (CallerArgumentResolver), never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Tomcat instantiates the host's error report valve when it starts, after every context customizer ran. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }
}
