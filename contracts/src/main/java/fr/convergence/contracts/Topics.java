package fr.convergence.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic naming of the integration contracts. Topics are per territory so that a real cluster can grant
 * each territory's principals access to their own topics only (see deploy/kafka/acls.md), and so that a
 * territory joining later is picked up by pattern subscription without any configuration change.
 */
public final class Topics {

    private Topics() {
    }

    /** {@code convergence.<territory>.<stream>.v<major>}, e.g. {@code convergence.paris.pathway.v1}. */
    public static String of(String territory, String stream, int majorVersion) {
        return "convergence." + normalise(territory) + "." + stream + ".v" + majorVersion;
    }

    public static String pathway(String territory) {
        return of(territory, "pathway", 1);
    }

    public static String participant(String territory) {
        return of(territory, "participant", 1);
    }

    public static String partnership(String territory) {
        return of(territory, "partnership", 1);
    }

    /** Every territory's topics of one stream, including territories that do not exist yet. */
    public static Pattern allTerritories(String stream, int majorVersion) {
        return Pattern.compile("convergence\\.[a-z0-9-]+\\." + stream + "\\.v" + majorVersion);
    }

    /** Reads the territory code back from a topic name. */
    public static String territoryOf(String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length != 4 || !parts[0].equals("convergence")) {
            throw new IllegalArgumentException("not a contract topic: " + topic);
        }
        return parts[1];
    }

    public static String normalise(String territory) {
        String code = territory.trim().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("territory code must match [a-z0-9-]{2,40}: " + territory);
        }
        return code;
    }
}
