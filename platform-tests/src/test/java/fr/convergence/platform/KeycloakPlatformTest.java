package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.convergence.deploy.auth.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform signed in against a real Keycloak with the production realm (issue 21 finding 1): the deployments
 * run Keycloak, not the demo provider, so the realm export must give the tokens every claim the platform reads, and
 * the gateway and the services must work with Keycloak's endpoints set by environment only. Keycloak comes from its
 * Maven Central distribution (platform-tests' pom); participant-, pathway-service, the workspace and the gateway run
 * from their jars on the embedded store and broker.
 */
class KeycloakPlatformTest {

    private static final String PASSWORD = "keycloak-test-password-1";
    private static final LocalDate START = LocalDate.now().minusMonths(2);
    static Platform platform;
    static KeycloakServer keycloak;
    static SignIn signIn;
    static String gateway;

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Files.createTempDirectory("keycloak-e2e"));
        keycloak = new KeycloakServer(platform.logs());
        String gatewaySecret = "gateway-secret-" + java.util.UUID.randomUUID();
        keycloak.launch("http://127.0.0.1:" + platform.gatewayPort, gatewaySecret);
        platform.start("mongo");   // meanwhile: Keycloak takes 15-30 s
        platform.start("kafka");
        keycloak.awaitReady();
        keycloak.addUser("cip-aci-paris-1", PASSWORD, Map.of("role", List.of("cip"), "territory", List.of("paris"),
                "territories", List.of("paris"), "aci", List.of("aci-paris-1")));
        keycloak.addUser("auditor", PASSWORD, Map.of("role", List.of("auditor"), "national", List.of("true")));
        signIn = new SignIn(keycloak.issuer(), PASSWORD, SignIn.Endpoints.KEYCLOAK);

        Map<String, String> oidc = keycloak.oidcEnvironment();
        platform.service("participant", "participant-service", with(oidc, "TERRITORY", "paris", "MONGODB_DATABASE", "participant_kc"));
        platform.start("participant");
        platform.service("pathway", "pathway-service", with(oidc, "TERRITORY", "paris", "MONGODB_DATABASE", "pathway_kc",
                "PARTICIPANT_URL", platform.url("participant"), "PARTNERSHIP_URL", "http://127.0.0.1:9"));
        platform.start("pathway");
        platform.service("workspace", "workspace", with(oidc, "PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "PARTNERSHIP_URL", "http://127.0.0.1:9"));
        platform.start("workspace");
        platform.service("gateway", "gateway", with(oidc, "GATEWAY_CLIENT_SECRET", gatewaySecret,
                "PARTICIPANT_URL", platform.url("participant"), "PATHWAY_URL", platform.url("pathway"),
                "WORKSPACE_URL", platform.url("workspace"), "PARTNERSHIP_URL", "http://127.0.0.1:9",
                "REPORTING_URL", "http://127.0.0.1:9", "AUDIT_URL", platform.url("pathway")));
        platform.start("gateway");
        gateway = platform.url("gateway");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void theRealmGivesAccessTokensThePlatformsClaimsAndKeepsThemOutOfIdTokens() {
        JsonNode cip = claims(signIn.token("cip-aci-paris-1"));
        assertThat(cip.get("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(cip.get("aud").toString()).contains("convergence-platform");
        assertThat(cip.get("token_use").asText()).isEqualTo("access");
        assertThat(cip.get("role").asText()).isEqualTo("cip");
        assertThat(cip.get("territory").asText()).isEqualTo("paris");
        assertThat(cip.get("territories").isArray()).as("territories is a JSON array").isTrue();
        assertThat(cip.get("territories").toString()).isEqualTo("[\"paris\"]");
        assertThat(cip.get("aci").asText()).isEqualTo("aci-paris-1");
        assertThat(cip.has("national")).isFalse();

        JsonNode auditor = claims(signIn.token("auditor"));
        assertThat(auditor.get("national").isBoolean()).as("national is a JSON boolean").isTrue();
        assertThat(auditor.get("national").asBoolean()).isTrue();
        assertThat(auditor.has("territory")).isFalse();

        JsonNode id = claims(signIn.idToken("cip-aci-paris-1"));
        assertThat(id.has("token_use")).isFalse();
        assertThat(id.get("aud").toString()).doesNotContain("convergence-platform");
    }

    @Test
    void aCipSignedInAtKeycloakRegistersAndHiresAPersonThroughTheGateway() {
        Api cip = new Api(gateway).as(signIn, "cip-aci-paris-1");
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":"Aurélien","lastName":"Keycloak","birthDate":"1985-06-01","phone":"06 10 20 30 40",
                 "referentId":"cip-paris-1","aciId":"aci-paris-1"}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String pid = registered.body().get("participantId").asText();

        Api.Reply hired = cip.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(pid, START, START.plusMonths(12)));
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        String pathway = hired.body().get("pathwayId").asText();

        Api.Reply read = cip.get("/api/pathways/" + pathway);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.raw()).contains(pid).contains("aci-paris-1");
    }

    @Test
    void anIdTokenAndAnotherApplicationsTokenAreRefused() throws Exception {
        String pathways = "/api/pathways?aciId=aci-paris-1";
        // the control: the same call with the person's access token goes through
        assertThat(new Api(gateway).as(signIn, "cip-aci-paris-1").get(pathways).status()).isEqualTo(200);

        String idToken = signIn.idToken("cip-aci-paris-1");
        String foreign = keycloak.foreignAccessToken("cip-aci-paris-1", PASSWORD);
        assertThat(claims(foreign).get("role").asText()).as("same person, same claims").isEqualTo("cip");
        for (String token : List.of(idToken, foreign)) {
            assertThat(new Api(gateway).withToken(token).get(pathways).status()).as("at the gateway").isEqualTo(401);
            assertThat(new Api(platform.url("pathway")).withToken(token).get(pathways).status()).as("at pathway-service")
                    .isEqualTo(401);
        }
    }

    @Test
    void aBrowserSignsInAtKeycloaksFormThroughTheGatewayAndReachesTheWorkspace() throws Exception {
        try (Browser browser = new Browser()) {
            browser.signInAt(gateway + "/", "cip-aci-paris-1", PASSWORD);
            WorkspacePages ws = new WorkspacePages(browser);
            ws.at("Mes salarié·es");
            assertThat(ws.text("qui")).contains("Paris");
            // the page came from the workspace through the gateway with the session's Keycloak token
            assertThat(browser.driver.getCurrentUrl()).startsWith(gateway);
            assertThat(browser.driver.findElements(By.id("kc-login"))).isEmpty();
        }
    }

    private static Map<String, String> with(Map<String, String> oidc, String... pairs) {
        Map<String, String> env = new java.util.LinkedHashMap<>(oidc);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static JsonNode claims(String jwt) {
        try {
            return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
