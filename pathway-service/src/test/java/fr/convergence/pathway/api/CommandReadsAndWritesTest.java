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
        TestInfrastructure.register(registry, TestInfrastructure.uniqueDatabase("pathway_rw"), "paris");
    }

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
            verify(documents, never()).head(id);
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
}
