package fr.convergence.reporting.ingest;

import fr.convergence.contracts.Topics;

import java.util.regex.Pattern;

/**
 * The topics reporting reads: every territory's pathway, partnership and participant streams (the last for reference
 * data and age bands), present and future.
 */
public final class Streams {

    public static final Pattern PATHWAY = Topics.allTerritories("pathway", 1);
    public static final Pattern PARTNERSHIP = Topics.allTerritories("partnership", 1);
    public static final Pattern PARTICIPANT = Topics.allTerritories("participant", 1);
    /** One pattern for all three, since a consumer has a single pattern subscription. */
    public static final Pattern ALL = Pattern.compile(PATHWAY.pattern() + "|" + PARTNERSHIP.pattern() + "|"
            + PARTICIPANT.pattern());

    private Streams() {
    }

    public static boolean matches(String topic) {
        return ALL.matcher(topic).matches();
    }
}
