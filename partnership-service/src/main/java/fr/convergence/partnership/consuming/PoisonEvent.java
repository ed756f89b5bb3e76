package fr.convergence.partnership.consuming;

/**
 * A record that can never be applied as it is (unparseable, incomplete, inconsistent): it goes to the dead letters.
 * Its message is the reason the dead letter shows; {@link #detail()} explains it when the reason is a fixed code.
 */
public class PoisonEvent extends RuntimeException {

    /** The reason of a record whose territory is not this instance's or not its topic's. */
    public static final String TERRITORY_MISMATCH = "territory-mismatch";

    private final String detail;

    public PoisonEvent(String reason) {
        this(reason, (String) null);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
        this.detail = null;
    }

    private PoisonEvent(String reason, String detail) {
        super(reason);
        this.detail = detail;
    }

    public static PoisonEvent territoryMismatch(String detail) {
        return new PoisonEvent(TERRITORY_MISMATCH, detail);
    }

    /** What exactly was wrong, or null when the reason says it all. */
    public String detail() {
        return detail;
    }
}
