package fr.convergence.pathway.config;

import fr.convergence.pathway.domain.ProgrammeRules;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.ZoneId;

/** Binds programme-rules.yml to the domain's {@link ProgrammeRules}; the domain itself knows nothing of Spring. */
@Configuration
class ProgrammeRulesConfig {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Bean
    ProgrammeRules programmeRules(Environment environment) {
        return Binder.get(environment).bind("programme", ProgrammeRules.class)
                .orElseThrow(() -> new IllegalStateException("programme rules missing (programme-rules.yml)"));
    }

    /** Dates of the programme are calendar dates in Europe/Paris. */
    @Bean
    Clock clock() {
        return Clock.system(PARIS);
    }
}
