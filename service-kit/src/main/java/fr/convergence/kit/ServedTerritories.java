package fr.convergence.kit;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The territories whose data this instance holds. A territory running its own instance serves just itself
 * (TERRITORY=lyon); a shared instance, such as the local run or a small-territory host, lists several
 * (TERRITORIES=paris,lyon,...). Each territory's events still go to its own topic and stay separate.
 */
public class ServedTerritories {

    private final String home;
    private final Set<String> served;

    /**
     * @param home        this instance's own territory (TERRITORY)
     * @param territories the comma-separated list it serves (TERRITORIES), empty for just {@code home}
     */
    public ServedTerritories(String home, String territories) {
        this.home = home;
        Set<String> listed = Arrays.stream(territories == null ? new String[0] : territories.split(","))
                .map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        this.served = listed.isEmpty() ? Set.of(home) : java.util.Collections.unmodifiableSet(listed);
    }

    /** The territory a request is for: the one it names, or this instance's home territory. */
    public String resolve(String requested) {
        return requested == null || requested.isBlank() ? home : requested;
    }

    public boolean serves(String territory) {
        return territory != null && served.contains(territory);
    }

    /** Every served territory, in name order. */
    public Set<String> all() {
        return served;
    }

    public String home() {
        return home;
    }
}
