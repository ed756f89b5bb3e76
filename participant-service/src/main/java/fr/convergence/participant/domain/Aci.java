package fr.convergence.participant.domain;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;
import java.util.Set;

/**
 * A work-integration workshop (atelier et chantier d'insertion) of a territory: the employer of participants.
 *
 * @param localCoordination whether this ACI carries the territory's local coordination (coordinator and
 *                          chargés de partenariat); at most one ACI per territory does
 * @param joinedOn          the day the ACI joined the programme; null when it was in before the platform existed
 * @param leftOn            the day the ACI left the programme (its last day is the day before); null while it runs it
 * @param contact           how partners and the territory's staff reach the ACI's accompaniment team; may be empty
 */
public record Aci(String id, String name, Siret siret, Set<Programme> programmes, boolean localCoordination,
                  LocalDate joinedOn, LocalDate leftOn, AciContact contact) {

    public Aci {
        if (programmes == null || programmes.isEmpty()) {
            throw new RuleViolation("aci-runs-a-programme", "programmes", "an ACI runs PHC, CVG or both");
        }
        programmes = Set.copyOf(programmes);
        if (joinedOn != null && leftOn != null && !leftOn.isAfter(joinedOn)) {
            throw new RuleViolation("aci-leaves-after-joining", "leftOn",
                    "an ACI leaves the programme after the day it joined (" + joinedOn + ")");
        }
        contact = contact == null ? AciContact.NONE : contact;
    }

    /** An ACI as it was seeded or created before membership dates and contacts were kept. */
    public Aci(String id, String name, Siret siret, Set<Programme> programmes, boolean localCoordination) {
        this(id, name, siret, programmes, localCoordination, null, null, AciContact.NONE);
    }

    /** Whether the ACI is in the programme on {@code day}: people are registered and moved only into such an ACI. */
    public boolean inProgrammeOn(LocalDate day) {
        return (joinedOn == null || !day.isBefore(joinedOn)) && (leftOn == null || day.isBefore(leftOn));
    }
}
