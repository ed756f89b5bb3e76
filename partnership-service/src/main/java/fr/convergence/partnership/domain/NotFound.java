package fr.convergence.partnership.domain;

/** A referenced thing does not exist (answered 404). */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
