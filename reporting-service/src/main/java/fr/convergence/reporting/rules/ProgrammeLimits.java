package fr.convergence.reporting.rules;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The programme rules some indicators are defined by, read from pathway-service's own {@code programme-rules.yml}
 * (copied onto reporting's class path at build time, see the pom), never retyped here (issue 22 item 2):
 * <ul>
 *   <li>a "long pathway" is one longer than a standard contract ({@code contract-max-months});</li>
 *   <li>the PHC hours trajectory follows a PHC stage, which lasts at most {@code phc-max-months}.</li>
 * </ul>
 * Loaded once: the indicator functions are static and pure, and the rules only change with a new build.
 */
public record ProgrammeLimits(int contractMaxMonths, int phcMaxMonths) {

    public static final String RESOURCE = "programme/programme-rules.yml";
    public static final ProgrammeLimits CURRENT = load();

    /**
     * How many calendar months a PHC stage can touch: a stage of {@code phc-max-months} that starts mid-month ends in
     * the month after the last whole one.
     */
    public int phcCalendarMonths() {
        return phcMaxMonths + 1;
    }

    @SuppressWarnings("unchecked")
    static ProgrammeLimits load() {
        try (InputStream in = ProgrammeLimits.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies it from pathway-service");
            }
            Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("programme");
            return new ProgrammeLimits(number(p, "contract-max-months"), number(p, "phc-max-months"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(Map<String, Object> p, String key) {
        if (!(p.get(key) instanceof Number n)) {
            throw new IllegalStateException("programme-rules.yml lacks " + key);
        }
        return n.intValue();
    }
}
