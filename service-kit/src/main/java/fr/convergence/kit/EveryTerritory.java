package fr.convergence.kit;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches an instance configured to serve every territory of the programme ({@code TERRITORIES=*}). */
class EveryTerritory implements Condition {

    static final String TERRITORIES = "${convergence.territories:${TERRITORIES:}}";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return ServedTerritories.EVERY.equals(context.getEnvironment().resolvePlaceholders(TERRITORIES).trim());
    }
}
