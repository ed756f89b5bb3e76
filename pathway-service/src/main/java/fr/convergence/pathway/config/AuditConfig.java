package fr.convergence.pathway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fr.convergence.pathway.api.PathwayQueries;
import fr.convergence.pathway.audit.AuditReads;
import fr.convergence.pathway.audit.HistorySources;
import fr.convergence.pathway.audit.ParticipantAudit;
import fr.convergence.pathway.store.ParticipantPathways;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit reads this service's pathways and, over HTTP, the participant and partnership services' parts. */
@Configuration
class AuditConfig {

    @Bean
    ParticipantPathways participantPathways(MongoDatabase database) {
        return new ParticipantPathways(database.getCollection("pathway_participants"));
    }

    @Bean
    fr.convergence.pathway.store.AuditedStreams auditedStreams(StreamDocumentStorageEngine store,
                                                               fr.convergence.pathway.store.StreamChunks chunks,
                                                               fr.convergence.pathway.store.ChainVerifier chains) {
        return new fr.convergence.pathway.store.AuditedStreams(store.documents(), chunks, chains, store);
    }

    @Bean
    ParticipantAudit participantAudit(fr.convergence.pathway.store.AuditedStreams streams, ParticipantPathways participantPathways,
                                      PathwayQueries queries, MongoDatabase database, ObjectMapper eventObjectMapper,
                                      @Value("${convergence.participant-url:http://127.0.0.1:8081}") String participantUrl,
                                      @Value("${convergence.partnership-url:http://127.0.0.1:8083}") String partnershipUrl) {
        return new ParticipantAudit(HistorySources.of(streams, participantPathways, eventObjectMapper,
                participantUrl + "/api", partnershipUrl + "/api/partnerships"),
                participantPathways, queries, new AuditReads(database.getCollection("audit_reads"),
                database.getCollection("audit_read_entries")));
    }
}
