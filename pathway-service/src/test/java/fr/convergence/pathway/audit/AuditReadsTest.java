package fr.convergence.pathway.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.convergence.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 goal 3: each audit read is its own small insert — no document grows with the log (the earlier log pushed
 * every read into one document per person, bound for MongoDB's 16 MB limit) — and the reads the earlier versions
 * recorded are still shown, oldest first.
 */
class AuditReadsTest {

    MongoClient client;
    MongoDatabase database;
    AuditReads reads;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        database = client.getDatabase(TestInfrastructure.uniqueDatabase("reads"));
        reads = new AuditReads(database.getCollection("audit_reads"), database.getCollection("audit_read_entries"));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void eachReadIsOneNewDocumentAndNothingIsRewritten() {
        for (int i = 0; i < 3; i++) {
            reads.record("PSN-A", "auditor-1", "history", "c-" + i);
        }
        reads.record("PSN-B", "auditor-2", "state as of 2026-01-01", "c-9");
        assertThat(database.getCollection("audit_read_entries").countDocuments()).isEqualTo(4);
        assertThat(database.getCollection("audit_reads").countDocuments()).as("the earlier per-person log").isZero();
        assertThat(reads.of("PSN-A")).extracting(r -> r.get("correlationId")).containsExactly("c-0", "c-1", "c-2");
        assertThat(reads.of("PSN-B")).singleElement().satisfies(r -> assertThat(r).containsEntry("auditor", "auditor-2")
                .containsEntry("what", "state as of 2026-01-01").containsKey("at"));
    }

    @Test
    void readsRecordedByEarlierVersionsAreStillShownFirst() {
        database.getCollection("audit_reads").insertOne(new Document("_id", "PSN-OLD").append("reads", List.of(
                new Document("at", "2026-01-01T10:00:00Z").append("auditor", "auditor-0").append("what", "history")
                        .append("correlationId", "old-1"))));
        reads.record("PSN-OLD", "auditor-1", "history", "new-1");
        assertThat(reads.of("PSN-OLD")).extracting(r -> r.get("correlationId")).containsExactly("old-1", "new-1");
        assertThat(reads.overview(10, id -> true)).contains(Map.of("participantId", "PSN-OLD", "reads", 2));
        assertThat(reads.overview(10, id -> !id.equals("PSN-OLD"))).noneMatch(m -> "PSN-OLD".equals(m.get("participantId")));
    }
}
