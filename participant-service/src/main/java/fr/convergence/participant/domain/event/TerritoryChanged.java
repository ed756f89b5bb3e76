package fr.convergence.participant.domain.event;

public record TerritoryChanged(String territory, String name) implements IntegrationEvent {
    @Override
    public String key() {
        return territory;
    }
}
