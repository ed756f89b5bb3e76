package fr.convergence.deploy.demo;

import java.util.List;

/** The eight territories of 2022–2023 with their ACI and participant counts (DOMAIN.md). */
record Territories(String code, int acis, int participants) {

    static final List<Territories> ALL = List.of(
            new Territories("paris", 7, 355), new Territories("lyon", 5, 257), new Territories("lille", 7, 238),
            new Territories("nantes", 6, 214), new Territories("strasbourg", 5, 218), new Territories("rouen", 3, 111),
            new Territories("charente", 7, 142), new Territories("marseille", 8, 135));
}
