package fr.convergence.pathway.store.upcasting;

import fr.convergence.pathway.domain.event.ParticipantExited;

/**
 * ParticipantExited 1 → 2: adds {@code housingAtExit}, explicitly null because revision 1 did not record it (the
 * figures count such an exit as "housing at exit unknown", never as a guess). Fixtures: events/v1 and events/v2.
 */
public class ParticipantExitedUpcaster extends FieldAddedUpcaster {

    public ParticipantExitedUpcaster() {
        super(ParticipantExited.class, "1", "2", "housingAtExit");
    }
}
