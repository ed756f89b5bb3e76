package fr.convergence.pathway.domain;

public enum HousingKind {
    DURABLE_HOUSING, SOCIAL_RESIDENCE, SHELTER;

    public boolean durable() {
        return this == DURABLE_HOUSING;
    }
}
