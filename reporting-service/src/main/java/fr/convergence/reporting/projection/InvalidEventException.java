package fr.convergence.reporting.projection;

/** An event that cannot be understood or applied: it goes to the dead letters, the others go on. */
public class InvalidEventException extends RuntimeException {

    public static final String INVALID_EVENT = "invalid-event";

    public InvalidEventException(String message) {
        super(message);
    }

    /** A short, stable code for the dead letter and its metric tag; the message says the details. */
    public String reason() {
        return INVALID_EVENT;
    }
}
