package fr.convergence.partnership.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A partnership agreement (convention) of a partner: the domains it covers from {@code startsOn} to {@code endsOn}
 * inclusive, or up to {@code endedOn} when ended early.
 */
public record Agreement(String id, LocalDate startsOn, LocalDate endsOn, Set<PartnerDomain> scope, LocalDate endedOn) {

    public Agreement {
        scope = Set.copyOf(scope);
    }

    public LocalDate lastDay() {
        if (endedOn == null) {
            return endsOn;
        }
        return endsOn == null || endedOn.isBefore(endsOn) ? endedOn : endsOn;
    }

    public boolean activeOn(LocalDate date) {
        LocalDate last = lastDay();
        return !date.isBefore(startsOn) && (last == null || !date.isAfter(last));
    }

    public boolean covers(PartnerDomain domain) {
        return scope.contains(domain);
    }
}
