package fr.convergence.participant.domain.event;

import fr.convergence.participant.domain.Aci;

public record AciCreated(String territory, Aci aci) implements IntegrationEvent {
    @Override
    public String key() {
        return territory;
    }
}
