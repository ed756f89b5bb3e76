package fr.convergence.reporting.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consumer settings under {@code reporting.ingest}.
 *
 * @param groupId           the live consumer group; rebuilds use {@code <groupId>.rebuild-g<n>}
 * @param metadataMaxAgeMs  how soon a new territory's topic is noticed by the pattern subscription
 * @param enabled           false to start the API without consuming (tools, diagnostics)
 * @param rebuildWorkers    how many workers a rebuild spreads the partitions over (default: the processors, at most 4)
 */
@ConfigurationProperties(prefix = "reporting.ingest")
public record IngestProperties(String groupId, Integer metadataMaxAgeMs, Boolean enabled, Integer rebuildWorkers) {

    public IngestProperties {
        groupId = groupId == null || groupId.isBlank() ? "reporting-service.national" : groupId;
        metadataMaxAgeMs = metadataMaxAgeMs == null ? 5000 : metadataMaxAgeMs;
        enabled = enabled == null || enabled;
        rebuildWorkers = rebuildWorkers == null || rebuildWorkers < 1
                ? Math.min(4, Runtime.getRuntime().availableProcessors()) : rebuildWorkers;
    }
}
