package fr.convergence.workspace.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    ProgrammeRules programmeRules() {
        return ProgrammeRules.load();
    }

    @Bean
    Alerts alerts(ProgrammeRules rules) {
        return new Alerts(rules);
    }
}
