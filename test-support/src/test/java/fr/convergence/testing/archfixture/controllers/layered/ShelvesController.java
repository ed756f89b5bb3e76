package fr.convergence.testing.archfixture.controllers.layered;

/** A controller going through the application class: what the shared controller rule accepts. */
@org.springframework.web.bind.annotation.RestController
public class ShelvesController {
    private final Shelves shelves = new Shelves();

    public String get(String key) {
        return shelves.get(key);
    }
}
