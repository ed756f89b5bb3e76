package fr.convergence.participant.publishing;

import fr.convergence.kit.web.Correlation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Stamps changes: calendar dates are Europe/Paris (the programme's legal calendar), instants UTC. A bean so that
 * tests and age bands share one notion of "today".
 */
public class EventClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final Clock clock;

    public EventClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    public Instant now() {
        return clock.instant();
    }

    public EventContext context(String recordedBy) {
        return new EventContext(recordedBy, Correlation.current(), today(), now());
    }
}
