package fr.convergence.deploy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The whole demo's scenarios, as the loader draws them (same seeds, identity first), for a given demo day. */
final class DemoSeed {

    record Drawn(String territory, int index, PathwayScenario scenario) {
    }

    static List<Drawn> all(LocalDate today) {
        List<Drawn> all = new ArrayList<>();
        for (Territories t : Territories.ALL) {
            for (int i = 0; i < t.participants(); i++) {
                Random random = DemoDataLoader.seed(t.code(), i);
                DemoDataLoader.identity(random, "cip-aci", "aci");
                all.add(new Drawn(t.code(), i, new PathwayScenario(random, today)));
            }
        }
        return all;
    }

    private DemoSeed() {
    }
}
