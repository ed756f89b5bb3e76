package fr.convergence.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The territories whose data this instance holds. A territory running its own instance serves just itself
 * (TERRITORY=lyon); a shared instance, such as a small-territory host, lists several (TERRITORIES=paris,lyon,...).
 * Each territory's events still go to its own topic and stay separate.
 *
 * <p>{@code TERRITORIES=*} serves <em>every territory of the programme</em>, including those opened later: the set
 * starts empty and grows as the instance reads each {@code TerritoryCreated} on the participant streams
 * ({@link fr.convergence.kit.kafka.TerritoryDiscovery}). Why a growing set rather than a longer list: opening a
 * territory is an administrator's act in participant-service, and an instance that needs a new list and a restart
 * for each one is what the programme could not live with (issue 19 item 7). A listed set never grows: a territory
 * running its own instances must not start holding another's data because it was opened.
 */
public class ServedTerritories {

    /** The value of TERRITORIES that serves every territory of the programme. */
    public static final String EVERY = "*";
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    private final String home;
    private final boolean growing;
    private final Set<String> served;
    private final List<Consumer<String>> listeners = new ArrayList<>();

    /**
     * @param home        this instance's own territory (TERRITORY): the default of a request naming none
     * @param territories the comma-separated list it serves (TERRITORIES), empty for just {@code home}, {@code *} for
     *                    every territory of the programme
     */
    public ServedTerritories(String home, String territories) {
        this.home = home;
        Set<String> listed = Arrays.stream(territories == null ? new String[0] : territories.split(","))
                .map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (listed.contains(EVERY) && listed.size() > 1) {
            throw new IllegalArgumentException("TERRITORIES=" + territories
                    + ": '*' already serves every territory of the programme; list territories or give '*' alone");
        }
        this.growing = listed.contains(EVERY);
        this.served = new ConcurrentSkipListSet<>(growing ? Set.of() : listed.isEmpty() ? Set.of(home) : listed);
    }

    /** The territory a request is for: the one it names, or this instance's home territory. */
    public String resolve(String requested) {
        return requested == null || requested.isBlank() ? home : requested;
    }

    public boolean serves(String territory) {
        return territory != null && served.contains(territory);
    }

    /** Every territory served now, in name order (a copy: the set of a growing instance changes under it). */
    public Set<String> all() {
        return Collections.unmodifiableSet(new TreeSet<>(served));
    }

    public String home() {
        return home;
    }

    /** Whether this instance serves every territory of the programme, learning new ones as they open. */
    public boolean growing() {
        return growing;
    }

    /**
     * A territory the programme opened. A growing instance serves it from now on and tells every listener, once
     * (a TerritoryCreated read again after a restart or a redelivery changes nothing); a listed set ignores it.
     *
     * @return whether the territory is newly served
     */
    public synchronized boolean learn(String territory) {
        if (!growing || territory == null || !CODE.matcher(territory).matches() || !served.add(territory)) {
            return false;
        }
        // under the lock: a listener registering meanwhile is told either by its replay or here, never both
        listeners.forEach(l -> l.accept(territory));
        return true;
    }

    /**
     * Calls {@code start} for every territory served now and, on a growing instance, for each one served later:
     * where a service starts what it runs per territory (a consumer of the territory's topic). Each territory is
     * given exactly once per listener. {@code start} runs on the caller's or the discovery's thread: keep it short.
     */
    public synchronized void whenServed(Consumer<String> start) {
        served.forEach(start);
        listeners.add(start);
    }
}
