package fr.convergence.participant.domain;

import fr.convergence.kit.problem.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A territory of the programme (Paris, Lyon…) and its ACI. Territories join over time, so they are data,
 * not an enum. Invariant: at most one ACI carries the local coordination.
 *
 * @param aciSequence last number used for a generated ACI id; ids are never reused, even if an ACI is renamed
 */
public record Territory(String code, String name, List<Aci> acis, int aciSequence) {

    public Territory {
        acis = List.copyOf(acis);
        if (acis.stream().filter(Aci::localCoordination).count() > 1) {
            throw new RuleViolation("one-local-coordination", "localCoordination",
                    "territory " + code + " would have more than one ACI carrying the local coordination");
        }
    }

    public Optional<Aci> aci(String aciId) {
        return acis.stream().filter(a -> a.id().equals(aciId)).findFirst();
    }

    public String nextAciId() {
        return AciId.of(code, aciSequence + 1);
    }

    /** A new ACI; checks the coordination invariant. */
    public Territory withNewAci(Aci aci) {
        List<Aci> next = new ArrayList<>(acis);
        next.add(aci);
        return new Territory(code, name, next, aciSequence + 1);
    }

    /** A changed ACI; checks the coordination invariant. */
    public Territory withChangedAci(Aci aci) {
        List<Aci> next = acis.stream().map(a -> a.id().equals(aci.id()) ? aci : a).toList();
        return new Territory(code, name, next, aciSequence);
    }

    public Territory renamed(String newName) {
        return new Territory(code, newName, acis, aciSequence);
    }
}
