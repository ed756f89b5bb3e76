package fr.convergence.testing.archfixture.controllers.layered;

import fr.convergence.testing.archfixture.controllers.store.Shelf;

/** An application class: it may use the store, and answers plain values. */
public class Shelves {
    private final Shelf shelf = new Shelf();

    public String get(String key) {
        return shelf.read(key);
    }
}
