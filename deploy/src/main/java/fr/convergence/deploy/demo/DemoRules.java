package fr.convergence.deploy.demo;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The programme's numbers the demo's pathways keep to, read from pathway-service's {@code programme-rules.yml},
 * which the build copies onto this module's class path: a demo pathway planned, extended or followed up past a rule
 * would be refused by the service, so the demo must never carry its own copy of a number that may change.
 *
 * @param phcMaxMonths           longest PHC stage; the PHC ramp-up ends before it
 * @param contractMaxMonths      a CVG contract's planned length
 * @param extensionMaxMonths     what one extension decision adds
 * @param pathwayMaxMonths       longest pathway, and the most months one monthly-hours series may carry
 * @param followUpMaxMonths      the post-exit follow-up window
 * @param phcMinWeeklyHours      the hours a PHC hire starts with
 * @param standardMinWeeklyHours the fewest weekly hours of a CVG contract without derogation
 * @param followUpContactMonths  the contacts expected after an exit, in months after it
 */
record DemoRules(int phcMaxMonths, int contractMaxMonths, int extensionMaxMonths, int pathwayMaxMonths,
                 int followUpMaxMonths, double phcMinWeeklyHours, double standardMinWeeklyHours,
                 List<Integer> followUpContactMonths) {

    static final String RESOURCE = "programme/programme-rules.yml";

    /** The rules of this build, read once. */
    static final DemoRules PROGRAMME = load();

    DemoRules {
        followUpContactMonths = List.copyOf(followUpContactMonths);
    }

    /** The last expected follow-up contact, which closes the window. */
    int lastContactMonths() {
        return followUpContactMonths.get(followUpContactMonths.size() - 1);
    }

    @SuppressWarnings("unchecked")
    static DemoRules load() {
        try (InputStream in = DemoRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies it from pathway-service");
            }
            Map<String, Object> programme = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("programme");
            return new DemoRules(whole(programme, "phc-max-months"), whole(programme, "contract-max-months"),
                    whole(programme, "extension-max-months"), whole(programme, "pathway-max-months"),
                    whole(programme, "follow-up-max-months"), number(programme, "phc-min-weekly-hours").doubleValue(),
                    number(programme, "standard-min-weekly-hours").doubleValue(),
                    (List<Integer>) programme.get("follow-up-contact-months"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int whole(Map<String, Object> programme, String key) {
        return number(programme, key).intValue();
    }

    private static Number number(Map<String, Object> programme, String key) {
        if (!(programme.get(key) instanceof Number n)) {
            throw new IllegalStateException(RESOURCE + " lacks the number " + key);
        }
        return n;
    }
}
