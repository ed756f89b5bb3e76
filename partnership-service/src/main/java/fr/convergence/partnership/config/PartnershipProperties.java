package fr.convergence.partnership.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Reference data and consumer settings (partnership-reference.yml and application.yml).
 *
 * @param barrierDomains the ONE table mapping pathway barrier domains to partner domains
 * @param outcomeCodes   outcome codes a completed referral may carry
 * @param referralReasons reason codes of a declined or cancelled referral, with their French labels
 * @param consumer       the pathway event consumer
 */
@ConfigurationProperties(prefix = "partnership")
public record PartnershipProperties(List<DomainMappingRow> barrierDomains, List<String> outcomeCodes,
                                    List<ReasonRow> referralReasons, Consumer consumer) {

    public record DomainMappingRow(String barrier, String partner) {
    }

    /** A row of the reason table: steps among DECLINE, CANCEL (none: the service's own code). */
    public record ReasonRow(String code, String label, List<String> steps) {
    }

    /**
     * @param enabled         whether to consume pathway events at all
     * @param groupId         consumer group, {@code partnership-service.<territory>} by default
     * @param metadataMaxAgeMs how soon a new territory's topic is picked up by the pattern subscription
     */
    public record Consumer(Boolean enabled, String groupId, Integer metadataMaxAgeMs) {
    }

    public PartnershipProperties {
        barrierDomains = barrierDomains == null ? List.of() : barrierDomains;
        outcomeCodes = outcomeCodes == null ? List.of() : outcomeCodes;
        referralReasons = referralReasons == null ? List.of() : referralReasons;
        consumer = consumer == null ? new Consumer(true, null, 5000) : consumer;
    }
}
