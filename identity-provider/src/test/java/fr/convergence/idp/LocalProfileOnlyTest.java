package fr.convergence.idp;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo provider refuses to start outside the local profile (issue 21 finding 1). This module's other tests run
 * with the profile on (the surefire configuration sets it, as run.sh and the platform tests do).
 */
class LocalProfileOnlyTest {

    @Test
    void theWholeProviderRefusesToStartWithoutAProfile() {
        assertThatThrownBy(() -> start()).hasRootCauseMessage(rootMessage(""));
    }

    @Test
    void theWholeProviderRefusesToStartInAnotherProfile() {
        assertThatThrownBy(() -> start("prod")).hasRootCauseMessage(rootMessage("prod"));
    }

    @Test
    void theLocalProfileLetsItStart() {
        assertThatCode(() -> new LocalProfileOnly(new MockEnvironment().withProperty("spring.profiles.active", "local")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new LocalProfileOnly(new MockEnvironment().withProperty("spring.profiles.active", "dev,local")))
                .doesNotThrowAnyException();
    }

    /**
     * Starts the real application on an environment without this JVM's system properties and variables, which
     * turn the local profile on for the other tests.
     */
    private static void start(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(IdentityProviderApplication.class)
                .environment(environment).profiles(profiles).properties("server.port=0").run()) {
            throw new AssertionError("the demo provider started in profiles " + String.join(",", profiles));
        }
    }

    private static String rootMessage(String activeProfiles) {
        return "the demo identity provider runs only in the local profile (SPRING_PROFILES_ACTIVE=local); a deployment "
                + "uses its own OpenID Connect provider (deploy/keycloak, SECURITY.md). Active profiles: " + activeProfiles;
    }
}
