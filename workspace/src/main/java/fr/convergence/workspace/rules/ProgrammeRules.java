package fr.convergence.workspace.rules;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The programme's rules as pathway-service enforces them: its own {@code programme-rules.yml}, copied onto the
 * workspace's class path at build time (see the pom), never retyped here.
 */
public record ProgrammeRules(int contractMaxMonths, int pathwayMaxMonths, int followUpMaxMonths, int phcMaxMonths,
                             int extensionMaxMonths, int maxWeeklyHours, int standardMinWeeklyHours,
                             int phcMinWeeklyHours, int phcMaxWeeklyHours, int maxMonthlyHours, int maxImmersionDays,
                             Map<String, String> exitReasons, java.util.List<Integer> followUpContactMonths,
                             int exitCancelWindowDays) {

    public static final String RESOURCE = "programme/programme-rules.yml";

    @SuppressWarnings("unchecked")
    public static ProgrammeRules load() {
        try (InputStream in = ProgrammeRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies it from pathway-service");
            }
            Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("programme");
            return new ProgrammeRules(number(p, "contract-max-months"), number(p, "pathway-max-months"),
                    number(p, "follow-up-max-months"), number(p, "phc-max-months"), number(p, "extension-max-months"),
                    number(p, "max-weekly-hours"), number(p, "standard-min-weekly-hours"),
                    number(p, "phc-min-weekly-hours"), number(p, "phc-max-weekly-hours"), number(p, "max-monthly-hours"),
                    number(p, "max-immersion-days"),
                    new LinkedHashMap<>((Map<String, String>) p.get("exit-reasons")),
                    java.util.List.copyOf((java.util.List<Integer>) p.get("follow-up-contact-months")),
                    number(p, "exit-cancel-window-days"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("programme-rules.yml lacks " + key);
        }
        return n.intValue();
    }
}
