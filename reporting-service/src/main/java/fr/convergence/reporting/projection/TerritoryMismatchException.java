package fr.convergence.reporting.projection;

/**
 * An event that would make one territory's figures count for another: its {@code territory} is not the one of
 * the topic it came from, or it targets a pathway or referral already known in another territory. Kafka ACLs
 * let each territory write its own topics only, so such an event is a fault (or an attack) to look at, never
 * something to project.
 */
public class TerritoryMismatchException extends InvalidEventException {

    public static final String TERRITORY_MISMATCH = "territory-mismatch";

    public TerritoryMismatchException(String message) {
        super(message);
    }

    @Override
    public String reason() {
        return TERRITORY_MISMATCH;
    }
}
