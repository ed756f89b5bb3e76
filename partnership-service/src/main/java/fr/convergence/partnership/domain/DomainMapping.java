package fr.convergence.partnership.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table mapping pathway barrier domains (HOUSING, LANGUAGE_LITERACY, ...) to partner domains. Its content
 * is data (partnership-reference.yml), never constants: a new barrier domain is a configuration change.
 */
public final class DomainMapping {

    private final Map<String, PartnerDomain> byBarrier;

    public DomainMapping(Map<String, String> table) {
        Map<String, PartnerDomain> copy = new LinkedHashMap<>();
        table.forEach((barrier, partner) -> copy.put(barrier.trim().toUpperCase(Locale.ROOT),
                PartnerDomain.valueOf(partner.trim().toUpperCase(Locale.ROOT))));
        this.byBarrier = Collections.unmodifiableMap(copy);
    }

    /** The partner domain for a pathway barrier domain; empty when the table does not know it. */
    public Optional<PartnerDomain> partnerDomainOf(String barrierDomain) {
        return barrierDomain == null ? Optional.empty() : Optional.ofNullable(byBarrier.get(barrierDomain));
    }

    /** Accepts a partner domain name, or a barrier domain name that the table maps. */
    public Optional<PartnerDomain> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (PartnerDomain d : PartnerDomain.values()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return partnerDomainOf(name);
    }

    public Map<String, PartnerDomain> table() {
        return byBarrier;
    }

    public Map<PartnerDomain, java.util.List<String>> byPartnerDomain() {
        Map<PartnerDomain, java.util.List<String>> inverse = new EnumMap<>(PartnerDomain.class);
        byBarrier.forEach((b, p) -> inverse.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(b));
        return inverse;
    }
}
