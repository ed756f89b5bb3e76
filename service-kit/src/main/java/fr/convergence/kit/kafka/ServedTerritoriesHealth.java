package fr.convergence.kit.kafka;

import fr.convergence.kit.ServedTerritories;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * What an instance serving every territory serves, in its health: OUT_OF_SERVICE (503) until its discovery has read
 * the participant streams as they stood at its start, so that nothing (a probe, the local run, a platform test) sends
 * it a territory's requests before it knows it serves that territory again. The details list the territories.
 */
public class ServedTerritoriesHealth implements HealthIndicator {

    private final ServedTerritories served;
    private final TerritoryDiscovery discovery;

    public ServedTerritoriesHealth(ServedTerritories served, TerritoryDiscovery discovery) {
        this.served = served;
        this.discovery = discovery;
    }

    @Override
    public Health health() {
        return Health.status(discovery.caughtUp() ? Status.UP : Status.OUT_OF_SERVICE)
                .withDetail("mode", "every territory of the programme (TERRITORIES=*)")
                .withDetail("territories", served.all())
                .build();
    }
}
