package fr.convergence.participant.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Canonical form of a name before it is hashed into the blind index, so that "Éloïse", "eloise" and " ELOISE "
 * find the same person: lowercase, accents stripped, French ligatures expanded, hyphens/apostrophes and runs of
 * spaces collapsed to one space.
 */
public final class NameNormaliser {

    private NameNormaliser() {
    }

    public static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replaceAll("[\\s\\-'’]+", " ").trim();
    }
}
