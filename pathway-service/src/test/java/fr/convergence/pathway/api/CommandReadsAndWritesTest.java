package fr.convergence.pathway.api;

import fr.convergence.pathway.store.StreamDocumentStore;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Issue 20 goal 1, through the real command path: a command on a pathway reads its stream once (the access check's
 * read, which Axon's load reuses), writes it once, and answers the new state without reading the stream again — and
 * that answer is the very state a read of the pathway shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandReadsAndWritesTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE, "paris");
    }

    static final String DATABASE = TestInfrastructure.uniqueDatabase("pathway_rw");

    @LocalServerPort
    int port;
    @MockitoSpyBean
    StreamDocumentStore documents;
    @MockitoSpyBean
    PathwayQueries queries;

    static final LocalDate START = LocalDate.now().minusMonths(8);

    @Test
    void aCommandReadsOnceWritesOnceAndAnswersWhatAReadShows() {
        Http cip = new Http(port).as(TestIssuer.get().tokenFor("cip-test", "cip", "paris", "aci-paris-1"));
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response opened = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6)));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String id = opened.body().get("pathwayId").asString();
        assertThat(opened.body()).isEqualTo(cip.get("/api/pathways/" + id).body());

        for (String[] step : new String[][] {
                {"/barriers", "{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"HIGH\",\"handling\":\"BOTH\"}"},
                {"/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":8}"},
                {"/housing-situation", "{\"date\":\"%s\",\"situation\":\"DURABLE_HOUSING\"}"}}) {
            clearInvocations(documents, queries);
            Http.Response answer = cip.post("/api/pathways/" + id + step[0], step[1].formatted(START.plusWeeks(2)));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            verify(documents, times(1)).find(id);
            verify(documents, times(1)).updateAt(eq(id), anyLong(), any());
            verify(queries, never()).current(id);
            assertThat(answer.body()).isEqualTo(cip.get("/api/pathways/" + id).body());
        }
    }

    /** Access is still checked on that one read: another ACI's staff get the 404 of a missing pathway, and no write. */
    @Test
    void anotherAcisCommandIsRefusedFromTheSameReadWithoutWriting() {
        Http cip = new Http(port).as(TestIssuer.get().tokenFor("cip-test", "cip", "paris", "aci-paris-1"));
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6)))
                .body().get("pathwayId").asString();
        clearInvocations(documents);
        Http.Response refused = new Http(port).as(TestIssuer.get().token("cip", "paris", "aci-paris-2"))
                .post("/api/pathways/" + id + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusWeeks(1)));
        assertThat(refused.status()).isEqualTo(404);
        verify(documents, times(1)).find(id);
        verify(documents, never()).updateAt(eq(id), anyLong(), any());
    }

    /**
     * Issue 20 goal 2 through the command path: a long pathway keeps a bounded hot document (older events sealed in
     * chunks) and a snapshot, commands load that snapshot and the events after it — and every answer is still the
     * state a full replay of the history shows, a date correction of an event long sealed included.
     */
    @Test
    void aLongPathwayIsLoadedFromItsSnapshotAndAnswersWhatAFullReplayShows() {
        Http cip = new Http(port).as(TestIssuer.get().tokenFor("cip-test", "cip", "paris", "aci-paris-1"));
        String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
        String id = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"PHC","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":4}""".formatted(participant, START, START.plusMonths(6)))
                .body().get("pathwayId").asString();
        String path = "/api/pathways/" + id;
        String[] intensities = {"LOW", "MEDIUM", "HIGH"};
        for (int i = 1; i <= 130; i++) {
            LocalDate date = START.plusDays(1 + i % 200);
            Http.Response answer = switch (i % 5) {
                case 0 -> cip.post(path + "/health-care", "{\"date\":\"%s\"}".formatted(date));
                case 1 -> cip.post(path + "/accompaniments", ("{\"date\":\"%s\",\"kind\":\"INTERVIEW\","
                        + "\"length\":\"MINUTES_30_TO_60\",\"participants\":[\"PARTICIPANT\",\"CIP\"]}").formatted(date));
                case 2 -> cip.post(path + "/barriers", ("{\"date\":\"%s\",\"domain\":\"HOUSING\",\"intensity\":\"%s\","
                        + "\"handling\":\"BOTH\"}").formatted(date, intensities[i % 3]));
                case 3 -> cip.post(path + "/weekly-hours", "{\"effectiveDate\":\"%s\",\"weeklyHours\":%d}"
                        .formatted(date, i % 2 == 0 ? 6 : 8));
                default -> cip.post(path + "/monthly-hours", "{\"month\":\"%s\",\"hours\":%d}"
                        .formatted(START.plusMonths(i % 7).toString().substring(0, 7), 20 + i % 40));
            };
            assertThat(answer.status()).as(i + " " + answer.raw()).isEqualTo(200);
            if (i % 25 == 0) {
                assertThat(answer.body()).as("after event " + i).isEqualTo(cip.get(path).body());
            }
        }
        // a correction of an event sealed long ago: the aggregate knows it from the snapshot alone
        Http.Response corrected = cip.post(path + "/corrections/date",
                "{\"sequence\":5,\"rightDate\":\"%s\",\"reason\":\"DATA_ENTRY_ERROR\"}".formatted(START.plusDays(2)));
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(corrected.body()).isEqualTo(cip.get(path).body());

        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri())) {
            var db = client.getDatabase(DATABASE);
            org.bson.Document hot = db.getCollection("pathway_streams").find(new org.bson.Document("_id", id)).first();
            assertThat(hot.getList("events", org.bson.Document.class)).hasSizeLessThan(51);
            assertThat(hot.get("chunked", Number.class).longValue()).isEqualTo(100);
            assertThat(hot.get("snapshot", org.bson.Document.class)).isNotNull();
            assertThat(db.getCollection("pathway_stream_chunks").countDocuments(new org.bson.Document("stream", id))).isEqualTo(2);

            // a snapshot edited in the store is not believed: the state is folded from the chained events instead
            db.getCollection("pathway_streams").updateOne(new org.bson.Document("_id", id), new org.bson.Document("$set",
                    new org.bson.Document("snapshot.data", hot.get("snapshot", org.bson.Document.class).getString("data")
                            .replaceAll("\"weeklyHours\":[0-9.]+", "\"weeklyHours\":35.0"))));
        }
        Http.Response after = cip.post(path + "/health-care", "{\"date\":\"%s\"}".formatted(START.plusDays(3)));
        assertThat(after.status()).as(after.raw()).isEqualTo(200);
        assertThat(after.body().get("weeklyHours").asDouble()).isNotEqualTo(35.0);
        assertThat(after.body()).isEqualTo(cip.get(path).body());
        assertThat(new Http(port).as(TestIssuer.get().tokenFor("auditor-test", "auditor", "paris", null))
                .get(path + "/verification").body().get("intact").asBoolean()).isTrue();
    }
}
