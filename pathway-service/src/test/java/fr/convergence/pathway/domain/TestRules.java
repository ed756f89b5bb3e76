package fr.convergence.pathway.domain;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The real programme-rules.yml, so that rule tests check the data the service runs with. */
final class TestRules {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
            ZoneId.of("Europe/Paris"));

    private TestRules() {
    }

    static ProgrammeRules load() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("rules", new ClassPathResource("programme-rules.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("programme", ProgrammeRules.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
