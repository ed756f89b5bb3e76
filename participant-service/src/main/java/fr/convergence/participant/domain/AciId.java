package fr.convergence.participant.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACI ids are generated as {@code aci-<territory>-<number>} and never reused, so an ACI id alone tells which
 * territory it belongs to: registration and search find the territory (and its blind-index secret) with no
 * extra lookup table.
 */
public final class AciId {

    private static final Pattern FORMAT = Pattern.compile("aci-([a-z0-9-]{2,40})-(\\d{1,6})");

    private AciId() {
    }

    public static String of(String territory, int number) {
        return "aci-" + territory + "-" + number;
    }

    public static Optional<String> territoryOf(String aciId) {
        Matcher m = aciId == null ? null : FORMAT.matcher(aciId);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
