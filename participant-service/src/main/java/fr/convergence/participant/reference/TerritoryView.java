package fr.convergence.participant.reference;

import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.Territory;

import java.time.LocalDate;
import java.util.List;

/** A territory as the API shows it. */
record TerritoryView(String code, String name, long version, List<AciView> acis) {

    record AciView(String id, String name, String siret, List<Programme> programmes, boolean localCoordination,
                   LocalDate joinedOn, LocalDate leftOn, String contactEmail, String contactPhone) {
        static AciView of(Aci a) {
            return new AciView(a.id(), a.name(), a.siret().value(), a.programmes().stream().sorted().toList(),
                    a.localCoordination(), a.joinedOn(), a.leftOn(), a.contact().email(), a.contact().phone());
        }
    }

    static TerritoryView of(ReferenceStore.Versioned v) {
        Territory t = v.territory();
        return new TerritoryView(t.code(), t.name(), v.version(), t.acis().stream().map(AciView::of).toList());
    }
}
