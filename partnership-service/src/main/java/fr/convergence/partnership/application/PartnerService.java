package fr.convergence.partnership.application;

import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.web.Correlation;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.domain.Agreement;
import fr.convergence.partnership.domain.Contact;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.partnership.publishing.PartnershipContract;
import fr.convergence.partnership.publishing.PartnershipOutbox;
import fr.convergence.partnership.store.PartnerStore;
import fr.convergence.partnership.store.Versioned;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/** Partner commands: each writes the partner and its integration event in one update, then drains the outbox. */
public class PartnerService {

    private static final int ATTEMPTS = 3;

    private final ServedTerritories served;
    private final PartnerStore partners;
    private final PartnershipContract contract;
    private final PartnershipOutbox outbox;
    private final Clock clock;

    public PartnerService(ServedTerritories served, PartnerStore partners, PartnershipContract contract, PartnershipOutbox outbox,
                          Clock clock) {
        this.served = served;
        this.partners = partners;
        this.contract = contract;
        this.outbox = outbox;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records (or replaces) a chargé·e de partenariat of the territory. */
    public void saveOfficer(String territory, String officerId, String name, String email) {
        partners.saveOfficer(territory, officerId, name, email);
    }

    /** The chargés de partenariat of the territory. */
    public List<org.bson.Document> officers(String territory) {
        return partners.officers(territory);
    }

    /** A new partner of {@code territory} (one this instance serves). */
    public Partner register(String territory, String name, Set<PartnerDomain> domains, List<Contact> contacts, String by) {
        Partner partner = Partner.register(UUID.randomUUID().toString(), territory, name, domains, contacts);
        partners.insert(partner, List.of(contract.partnerEvent("PartnerRegistered", partner, today(), by, Correlation.current())));
        committed(partner.id());
        return partner;
    }

    public Partner change(String id, String name, Set<PartnerDomain> domains, List<Contact> contacts, String by) {
        return update(id, (p, today) -> {
            Partner next = p.change(name, domains, contacts, today);
            return new Change(next, contract.partnerEvent("PartnerChanged", next, today, by, Correlation.current()));
        });
    }

    public Agreement sign(String id, LocalDate startsOn, LocalDate endsOn, Set<PartnerDomain> scope, String by) {
        String agreementId = UUID.randomUUID().toString();
        Partner after = update(id, (p, today) -> {
            Partner next = p.signAgreement(agreementId, startsOn, endsOn, scope);
            Agreement signed = next.agreement(agreementId).orElseThrow();
            return new Change(next, contract.agreementEvent("AgreementSigned", next, signed, today, by, Correlation.current()));
        });
        return after.agreement(agreementId).orElseThrow();
    }

    public Agreement end(String id, String agreementId, LocalDate endedOn, String by) {
        Partner after = update(id, (p, today) -> {
            LocalDate on = endedOn == null ? today : endedOn;
            Partner next = p.endAgreement(agreementId, on, today);
            Agreement ended = next.agreement(agreementId).orElseThrow();
            return new Change(next, contract.agreementEvent("AgreementEnded", next, ended, on, by, Correlation.current()));
        });
        return after.agreement(agreementId).orElseThrow();
    }

    public Partner get(String id) {
        return partners.load(id).map(Versioned::value).filter(p -> served.serves(p.territory()))
                .orElseThrow(() -> new NotFound("partner", id));
    }

    public List<Partner> network(String territory) {
        return partners.network(territory);
    }

    private record Change(Partner next, OutgoingRecord event) {
    }

    private Partner update(String id, BiFunction<Partner, LocalDate, Change> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned<Partner> current = partners.load(id).filter(v -> served.serves(v.value().territory()))
                    .orElseThrow(() -> new NotFound("partner", id));
            Change change = decide.apply(current.value(), today());
            if (partners.update(change.next(), current.version(), List.of(change.event()))) {
                committed(id);
                return change.next();
            }
        }
        throw new StateConflict("concurrent-update", "partner " + id + " changed concurrently; reload and retry");
    }

    private void committed(String id) {
        Optional.ofNullable(partners.outboxCollection().load(id)).ifPresent(partners::syncDirectory);
        outbox.schedule("partners", id);
    }
}
