package fr.convergence.deploy.demo;

import java.util.List;

/**
 * The eight territories of 2022–2023 and how many people each accompanied (DOMAIN.md): the size of the demo.
 * Their ACI are participant-service's reference data, read by the loader, not repeated here.
 */
record Territories(String code, int participants) {

    static final List<Territories> ALL = List.of(
            new Territories("paris", 355), new Territories("lyon", 257), new Territories("lille", 238),
            new Territories("nantes", 214), new Territories("strasbourg", 218), new Territories("rouen", 111),
            new Territories("charente", 142), new Territories("marseille", 135));
}
