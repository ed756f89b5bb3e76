package fr.convergence.pathway.domain;

/** Who works on a barrier: the ACI itself, a partner of the territory's network, or both (pillar 3 and 4). */
public enum Handling {
    INTERNAL, PARTNER, BOTH;

    public boolean involvesPartner() {
        return this != INTERNAL;
    }
}
