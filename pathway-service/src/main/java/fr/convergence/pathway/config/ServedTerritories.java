package fr.convergence.pathway.config;

import fr.convergence.kit.PlatformProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The territories whose pathways this instance records. A territory running its own instance serves just
 * itself (TERRITORY=lyon); a shared instance, such as the local run or a small-territory host, lists several
 * (TERRITORIES=paris,lyon,...). Each territory's events still go to its own topic and stay separate.
 */
@Component
public class ServedTerritories {

    private final String home;
    private final Set<String> served;

    ServedTerritories(PlatformProperties platform, @Value("${convergence.territories:${TERRITORIES:}}") String territories) {
        this.home = platform.territory();
        Set<String> listed = Arrays.stream(territories.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.served = listed.isEmpty() ? Set.of(home) : listed;
    }

    /** The territory a request is for: the one it names, or this instance's home territory. */
    public String resolve(String requested) {
        return requested == null || requested.isBlank() ? home : requested;
    }

    public boolean serves(String territory) {
        return served.contains(territory);
    }

    public Set<String> all() {
        return served;
    }
}
