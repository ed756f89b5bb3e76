package fr.convergence.participant.domain;

import java.util.Set;

/**
 * A work-integration workshop (atelier et chantier d'insertion) of a territory: the employer of participants.
 *
 * @param localCoordination whether this ACI carries the territory's local coordination (coordinator and
 *                          chargés de partenariat); at most one ACI per territory does
 */
public record Aci(String id, String name, Siret siret, Set<Programme> programmes, boolean localCoordination) {

    public Aci {
        if (programmes == null || programmes.isEmpty()) {
            throw new RuleViolation("aci-runs-a-programme", "programmes", "an ACI runs PHC, CVG or both");
        }
        programmes = Set.copyOf(programmes);
    }
}
