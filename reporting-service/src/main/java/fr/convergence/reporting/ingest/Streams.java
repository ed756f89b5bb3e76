package fr.convergence.reporting.ingest;

import fr.convergence.contracts.Topics;

import java.util.regex.Pattern;

/** The topics reporting reads: every territory's pathway and partnership streams, present and future. */
public final class Streams {

    public static final Pattern PATHWAY = Topics.allTerritories("pathway", 1);
    public static final Pattern PARTNERSHIP = Topics.allTerritories("partnership", 1);
    /** One pattern for both, since a consumer has a single pattern subscription. */
    public static final Pattern ALL = Pattern.compile(PATHWAY.pattern() + "|" + PARTNERSHIP.pattern());

    private Streams() {
    }

    public static boolean matches(String topic) {
        return ALL.matcher(topic).matches();
    }
}
