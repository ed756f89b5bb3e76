package fr.convergence.participant.api;

import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.testing.AccessMatrix;
import fr.convergence.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;

import static fr.convergence.participant.TestService.registerBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the service × every role × a participant of the caller's own territory (Paris, aci-paris-1) and
 * one of another (Lyon), over real HTTP with real tokens, as {@code access-matrix.yml} states it; writes
 * {@code target/access-matrix-participant-service.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_matrix");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext applicationContext;
    /** A territory of the matrix's own, with one ACI, so that the administrator's changes touch no seeded data. */
    String territory;

    @Test
    void everyRouteAdmitsExactlyTheRolesItShould() {
        AccessMatrix matrix = AccessMatrix.load("participant-service", "access-matrix.yml");
        matrix.verify(AccessMatrix.routesOf(applicationContext), new Http(port), this::createFixtures);
    }

    /** Two fresh participants (Paris and Lyon) each time; the reference-data territory once. */
    Map<String, String> createFixtures() {
        if (territory == null) {
            territory = createTerritoryWithAnAci();
        }
        return AccessMatrix.ids("own", register("aci-paris-1"), "other", register("aci-lyon-1"),
                "territory", territory, "aci", "aci-" + territory + "-1",
                "newTerritory", "n-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private String register(String aciId) {
        Http.Response r = new Http(port).as(Tokens.cip(aciId))
                .post("/api/participants", registerBody("Anne", TestService.randomName("Matrix"), aciId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("participantId");
    }

    private String createTerritoryWithAnAci() {
        Http admin = new Http(port).as(Tokens.admin());
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = admin.post("/api/participants/territories",
                "{\"code\":\"%s\",\"name\":\"Matrix\"}".formatted(code));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Http.Response aci = admin.post("/api/participants/territories/" + code + "/acis",
                "{\"name\":\"A\",\"siret\":\"73282932000074\",\"programmes\":[\"PHC\"],\"localCoordination\":false}");
        assertThat(aci.status()).as(aci.raw()).isEqualTo(201);
        return code;
    }
}
