package fr.convergence.reporting.projection;

/** An event that cannot be understood or applied: it goes to the dead letters, the others go on. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
