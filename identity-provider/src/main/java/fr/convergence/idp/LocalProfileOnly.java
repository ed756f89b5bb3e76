package fr.convergence.idp;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The demo provider signs anyone in as any demo user with the shared demo password, admin and national auditor
 * included (issue 21 finding 1). It is for the local run and the tests only, so it refuses to start unless the
 * {@value #PROFILE} Spring profile is on ({@code SPRING_PROFILES_ACTIVE=local}, set by {@code run.sh} and the
 * platform tests). A real deployment runs its own OpenID Connect provider (deploy/keycloak, SECURITY.md); a demo
 * provider started there by mistake stops here, before its port opens, instead of handing out admin tokens.
 */
@Configuration(proxyBeanMethods = false)
class LocalProfileOnly {

    static final String PROFILE = "local";

    LocalProfileOnly(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            throw new IllegalStateException("the demo identity provider runs only in the local profile "
                    + "(SPRING_PROFILES_ACTIVE=" + PROFILE + "); a deployment uses its own OpenID Connect provider "
                    + "(deploy/keycloak, SECURITY.md). Active profiles: "
                    + String.join(",", environment.getActiveProfiles()));
        }
    }
}
