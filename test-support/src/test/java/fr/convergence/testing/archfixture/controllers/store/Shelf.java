package fr.convergence.testing.archfixture.controllers.store;

/** A store: what controllers must not reach into. */
public class Shelf {
    public String read(String key) {
        return key;
    }
}
