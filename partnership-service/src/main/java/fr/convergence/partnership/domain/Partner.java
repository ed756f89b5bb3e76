package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A partner organisation of one territory: its domains, professional contacts and agreements. */
public record Partner(String id, String territory, String name, Set<PartnerDomain> domains, List<Contact> contacts,
                      List<Agreement> agreements) {

    public Partner {
        domains = domains.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(domains));
        contacts = List.copyOf(contacts);
        agreements = List.copyOf(agreements);
    }

    public static Partner register(String id, String territory, String name, Set<PartnerDomain> domains,
                                   List<Contact> contacts) {
        if (domains.isEmpty()) {
            throw new RuleViolation("partner-needs-a-domain", "domains", "a partner covers at least one domain");
        }
        return new Partner(id, territory, name, domains, contacts, List.of());
    }

    /** New name, domains or contacts; a domain still under an agreement in force cannot be dropped. */
    public Partner change(String newName, Set<PartnerDomain> newDomains, List<Contact> newContacts, LocalDate today) {
        if (newDomains.isEmpty()) {
            throw new RuleViolation("partner-needs-a-domain", "domains", "a partner covers at least one domain");
        }
        for (Agreement a : agreements) {
            LocalDate last = a.lastDay();
            boolean inForceOrFuture = last == null || !last.isBefore(today);
            if (inForceOrFuture && !newDomains.containsAll(a.scope())) {
                throw new RuleViolation("domain-under-agreement", "domains",
                        "agreement " + a.id() + " still covers " + a.scope() + " until " + last);
            }
        }
        return new Partner(id, territory, newName, newDomains, newContacts, agreements);
    }

    public Partner signAgreement(String agreementId, LocalDate startsOn, LocalDate endsOn, Set<PartnerDomain> scope) {
        if (scope.isEmpty()) {
            throw new RuleViolation("agreement-needs-a-scope", "scope", "an agreement covers at least one domain");
        }
        if (!domains.containsAll(scope)) {
            throw new RuleViolation("scope-outside-partner-domains", "scope",
                    "the partner covers " + domains + ", not all of " + scope);
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new RuleViolation("agreement-ends-before-start", "endsOn", "endsOn " + endsOn + " is before startsOn " + startsOn);
        }
        List<Agreement> next = new ArrayList<>(agreements);
        next.add(new Agreement(agreementId, startsOn, endsOn, scope, null));
        return new Partner(id, territory, name, domains, contacts, next);
    }

    public Partner endAgreement(String agreementId, LocalDate endedOn, LocalDate today) {
        Agreement current = agreement(agreementId).orElseThrow(() -> new NotFound("agreement", agreementId));
        if (current.endedOn() != null) {
            throw new StateConflict("agreement-already-ended", "agreement " + agreementId + " ended on " + current.endedOn());
        }
        Dates.notInFuture(endedOn, today, "endedOn");
        Dates.notBefore(endedOn, current.startsOn(), "endedOn", "agreement-start");
        List<Agreement> next = agreements.stream().map(a -> a.id().equals(agreementId)
                ? new Agreement(a.id(), a.startsOn(), a.endsOn(), a.scope(), endedOn) : a).toList();
        return new Partner(id, territory, name, domains, contacts, next);
    }

    public Optional<Agreement> agreement(String agreementId) {
        return agreements.stream().filter(a -> a.id().equals(agreementId)).findFirst();
    }

    /** Whether a referral in {@code domain} on {@code date} is allowed; throws the rule it breaks otherwise. */
    public void checkCanReceive(PartnerDomain domain, LocalDate date) {
        if (!domains.contains(domain)) {
            throw new RuleViolation("partner-does-not-cover-domain", "domain",
                    "partner " + id + " covers " + domains + ", not " + domain);
        }
        List<Agreement> covering = agreements.stream().filter(a -> a.covers(domain)).toList();
        if (covering.stream().anyMatch(a -> a.activeOn(date))) {
            return;
        }
        if (covering.stream().anyMatch(a -> a.lastDay() != null && a.lastDay().isBefore(date))) {
            throw new RuleViolation("agreement-expired", "partnerId",
                    "the agreement of partner " + id + " for " + domain + " was no longer in force on " + date);
        }
        throw new RuleViolation("no-agreement-in-force", "partnerId",
                "partner " + id + " has no agreement covering " + domain + " on " + date);
    }

    public boolean inAgreementFor(PartnerDomain domain, LocalDate date) {
        return domains.contains(domain) && agreements.stream().anyMatch(a -> a.covers(domain) && a.activeOn(date));
    }
}
