package fr.convergence.reporting.targets;

import fr.convergence.reporting.indicators.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The national programme's targets as demo seed data, stored at start when absent (idempotent; an analyst's later
 * change to one of them stays). Set {@code reporting.targets.seed=false} to start without them.
 *
 * <ul>
 * <li>1,700 salarié·es nationally in the programme: indicator {@code personnes_accompagnees} (people whose pathway
 * was active in the period, counted once: the file active, which is what "salarié·es in the programme" counts), both
 * programmes, year 2026.</li>
 * <li>800 PHC pathways in 25 new territories: indicator {@code entrees} (pathways hired in the period) with programme
 * PHC, national scope (the 25 territories are not named yet: a territory joining adds to the national figure),
 * 2026–2027.</li>
 * </ul>
 */
@Component
public class TargetSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TargetSeed.class);

    static final List<Target> NATIONAL_PROGRAMME = List.of(
            new Target("programme-salaries-2026", "DGEFP", "Ministère du Travail (DGEFP)",
                    "Programme national Convergence 2026 : 1 700 salarié·es", null, null, null, "2026-01", "2026-12",
                    "personnes_accompagnees", 1700),
            new Target("programme-phc-nouveaux-territoires", "DIHAL", "DIHAL",
                    "Premières Heures en Chantier : 800 parcours dans 25 nouveaux territoires", null, null, "PHC",
                    "2026-01", "2027-12", "entrees", 800));

    private final TargetStore store;
    private final boolean enabled;

    public TargetSeed(TargetStore store, @Value("${reporting.targets.seed:true}") boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long added = NATIONAL_PROGRAMME.stream().filter(t -> store.putIfAbsent(t, "system-seed")).count();
        if (added > 0) {
            log.info("{} national programme target(s) seeded", added);
        }
    }
}
