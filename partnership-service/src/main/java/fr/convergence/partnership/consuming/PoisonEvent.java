package fr.convergence.partnership.consuming;

/** A record that can never be applied as it is (unparseable, incomplete, inconsistent): it goes to the dead letters. */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
