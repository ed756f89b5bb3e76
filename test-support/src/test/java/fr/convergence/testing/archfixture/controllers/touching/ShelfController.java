package fr.convergence.testing.archfixture.controllers.touching;

import fr.convergence.testing.archfixture.controllers.store.Shelf;

/** A controller reading a store itself: what the shared controller rule refuses. */
@org.springframework.web.bind.annotation.RestController
public class ShelfController {
    private final Shelf shelf = new Shelf();

    public String get(String key) {
        return shelf.read(key);
    }
}
