package fr.convergence.kit.deadletter;

/**
 * What a service does to apply a parked record again (its own consumer's handler): the one piece of the dead-letter
 * mechanism that is the service's. A service that declares this bean gets the store's administration API at
 * {@code convergence.dead-letters.path}.
 */
public interface DeadLetterReplay {

    /**
     * Applies the letter's record again and says what happened (e.g. APPLIED, DUPLICATE). Throws when it still
     * cannot apply; a store outage ({@code MongoException}) is not the record's fault and leaves the letter as it was.
     */
    String replay(DeadLetter letter);

    /** The reason code and detail kept on a letter whose replay failed again. */
    default Failure describe(RuntimeException failure) {
        return new Failure("replay-failed", failure.getMessage());
    }

    record Failure(String reason, String detail) {
    }
}
