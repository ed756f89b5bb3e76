package fr.convergence.pathway.domain.event;

import java.time.LocalDate;

/**
 * A fact of a pathway. Each carries the calendar date it happened on (Europe/Paris), which may be earlier
 * than when it was recorded (kept in the event's metadata), never later than today.
 */
public interface PathwayEvent {

    String pathwayId();

    LocalDate occurredOn();
}
