package fr.convergence.platform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file and the Kubernetes manifests cannot run here (no Docker, no cluster), so they are parsed and
 * checked against the services' own configuration: every service present, on the port its application.yml
 * defaults to, with a readiness health check and the environment it needs.
 */
class DeploymentManifestsTest {

    static final Map<String, String> SERVICES = Map.of("participant-service", "PARTICIPANT_URL",
            "pathway-service", "PATHWAY_URL", "partnership-service", "PARTNERSHIP_URL",
            "reporting-service", "REPORTING_URL", "workspace", "WORKSPACE_URL");
    static final List<String> BACKEND_ENV = List.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "TERRITORY",
            "OIDC_ISSUER", "OIDC_JWK_SET_URI");

    static Object yaml(String path) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(options).load(Files.readString(Platform.ROOT.resolve(path)));
    }

    static List<Object> yamlAll(String path) throws IOException {
        List<Object> docs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(Platform.ROOT.resolve(path))).forEach(docs::add);
        return docs;
    }

    /** The port a module listens on by default: the {@code ${PORT:nnnn}} of its application.yml. */
    static int defaultPort(String module) throws IOException {
        Matcher m = Pattern.compile("port: \\$\\{PORT:(\\d+)}")
                .matcher(Files.readString(Platform.ROOT.resolve(module + "/src/main/resources/application.yml")));
        assertThat(m.find()).as(module + " declares its port").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsEveryServiceOnItsPortWithHealthChecksAndEnvironment() throws IOException {
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) yaml("deploy/compose/compose.yml")).get("services");
        for (String module : List.of("participant-service", "pathway-service", "partnership-service", "reporting-service", "workspace", "gateway")) {
            Map<String, Object> service = (Map<String, Object>) services.get(module);
            assertThat(service).as(module + " in compose").isNotNull();
            assertThat(String.valueOf(service.get("image"))).contains(module);
            assertThat(String.valueOf(service.get("healthcheck"))).contains(":" + defaultPort(module) + "/actuator/health/readiness");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            if (module.equals("workspace")) {   // no store, no broker: the services and the provider
                assertThat(env).containsKeys("PARTICIPANT_URL", "PATHWAY_URL", "PARTNERSHIP_URL", "REPORTING_URL", "AUDIT_URL",
                        "OIDC_ISSUER", "WORKSPACE_FORM_SECRET");
            } else if (!module.equals("gateway")) {
                assertThat(env).as(module + " environment").containsKeys(BACKEND_ENV.toArray(String[]::new));
                if (module.equals("participant-service")) {   // required, never generated in the container
                    assertThat(String.valueOf(env.get("PARTICIPANT_MASTER_KEY"))).startsWith("${PARTICIPANT_MASTER_KEY:?");
                }
                if (module.equals("pathway-service")) {   // the chain seals' key: required, outside the store
                    assertThat(String.valueOf(env.get("PATHWAY_CHAIN_KEY"))).startsWith("${PATHWAY_CHAIN_KEY:?");
                }
                if (module.equals("reporting-service")) {   // the extract's pseudonym key: required, never a default
                    assertThat(String.valueOf(env.get("REPORTING_EVALUATION_KEY"))).startsWith("${REPORTING_EVALUATION_KEY:?");
                }
                assertThat(env).containsKey("MONGODB_DATABASE");
                assertThat(String.valueOf(env.get("MONGODB_URI"))).contains("replicaSet=");
            }
        }
        Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("environment");
        for (Map.Entry<String, String> e : SERVICES.entrySet()) {
            assertThat(gatewayEnv.get(e.getValue())).isEqualTo("http://" + e.getKey() + ":" + defaultPort(e.getKey()));
        }
        assertThat(services).containsKeys("mongo1", "mongo2", "mongo3", "kafka1", "kafka2", "kafka3", "prometheus", "grafana");
        String prometheus = Files.readString(Platform.ROOT.resolve("deploy/compose/prometheus/prometheus.yml"));
        for (String module : List.of("participant-service", "pathway-service", "partnership-service", "reporting-service", "workspace", "gateway")) {
            assertThat(prometheus).contains(module + ":" + defaultPort(module));
        }
        assertThat(Path.of(Platform.ROOT.toString(), "deploy/compose/grafana/dashboards/convergence.json")).exists();
        // monitoring is for operators: no anonymous Grafana, both ports on the host's loopback only (finding 13)
        Map<String, Object> grafana = (Map<String, Object>) services.get("grafana");
        assertThat(String.valueOf(grafana.get("environment"))).contains("GF_AUTH_ANONYMOUS_ENABLED=false")
                .contains("GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_ADMIN_PASSWORD:?");
        for (String monitor : List.of("grafana", "prometheus")) {
            assertThat((List<String>) ((Map<String, Object>) services.get(monitor)).get("ports")).as(monitor)
                    .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesDeclaresADeploymentAndServicePerModuleOnItsPort() throws IOException {
        List<Object> docs = yamlAll("deploy/k8s/platform.yaml");
        Map<String, Object> configMap = null;
        for (Object d : docs) {
            Map<String, Object> doc = (Map<String, Object>) d;
            if ("ConfigMap".equals(doc.get("kind"))) {
                configMap = (Map<String, Object>) doc.get("data");
            }
        }
        // MongoDB's connection strings carry credentials: each service's comes from a Secret, never the ConfigMap
        assertThat(configMap).as("ConfigMap").isNotNull().containsKeys(BACKEND_ENV.stream()
                .filter(name -> !name.equals("MONGODB_URI")).toArray(String[]::new)).doesNotContainKey("MONGODB_URI");
        for (String module : List.of("participant-service", "pathway-service", "partnership-service", "reporting-service", "workspace", "gateway")) {
            int port = defaultPort(module);
            Map<String, Object> deployment = find(docs, "Deployment", module);
            Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0);
            assertThat(String.valueOf(container.get("ports"))).contains("containerPort=" + port);
            assertThat(String.valueOf(container.get("readinessProbe"))).contains("/actuator/health/readiness").contains("port=" + port);
            assertThat(String.valueOf(find(docs, "Service", module).get("spec"))).contains("port=" + port);
            if (SERVICES.containsKey(module)) {
                assertThat(configMap.get(SERVICES.get(module))).isEqualTo("http://" + module + ":" + port);
            }
            if (module.equals("participant-service")) {   // the master key from a Secret, never generated in the pod
                assertThat(String.valueOf(container.get("env"))).contains("name=PARTICIPANT_MASTER_KEY")
                        .contains("secretKeyRef={name=convergence-participant-master-key");
            }
            // issue 21 finding 13: non-root, no escalation, read-only root file system with a writable /tmp, no
            // Kubernetes API token in the pod
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    deployment.get("spec")).get("template")).get("spec");
            assertThat(String.valueOf(pod.get("securityContext"))).as(module).contains("runAsNonRoot=true")
                    .contains("seccompProfile={type=RuntimeDefault}");
            assertThat(pod.get("automountServiceAccountToken")).as(module).isEqualTo(false);
            assertThat(String.valueOf(container.get("securityContext"))).as(module).contains("allowPrivilegeEscalation=false")
                    .contains("readOnlyRootFilesystem=true").contains("drop=[ALL]");
            assertThat(String.valueOf(container.get("volumeMounts"))).as(module).contains("mountPath=/tmp");
            assertThat(String.valueOf(pod.get("volumes"))).as(module).contains("emptyDir");
            if (module.equals("reporting-service")) {   // the extract's pseudonym key from a Secret
                assertThat(String.valueOf(container.get("env"))).contains("name=REPORTING_EVALUATION_KEY")
                        .contains("secretKeyRef={name=convergence-reporting-evaluation-key");
            }
            if (module.equals("pathway-service")) {   // the chain seals' key from a Secret, outside the store
                assertThat(String.valueOf(container.get("env"))).contains("name=PATHWAY_CHAIN_KEY")
                        .contains("secretKeyRef={name=convergence-pathway-chain-key");
            }
        }
    }

    /**
     * Issue 21 finding 1: a deployment signs people in at Keycloak with the platform's realm, never at the demo
     * provider (every demo user's password is "demo"), and the gateway is given Keycloak's endpoints.
     */
    @Test
    @SuppressWarnings("unchecked")
    void composeRunsKeycloakWithTheRealmAndNoDemoProvider() throws IOException {
        String text = Files.readString(Platform.ROOT.resolve("deploy/compose/compose.yml"));
        assertThat(text).doesNotContain("identity-provider")   // nor the demo provider's endpoints
                .doesNotContain("/oauth2/jwks").doesNotContain("/oauth2/authorize").doesNotContain("/oauth2/token");
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) yaml("deploy/compose/compose.yml")).get("services");
        services.forEach((name, service) -> assertThat(String.valueOf(((Map<String, Object>) service).get("image")))
                .as(name + "'s image").doesNotContain("identity-provider"));
        Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak");
        assertThat(keycloak).as("keycloak in compose").isNotNull();
        assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat((List<String>) keycloak.get("command")).containsExactly("start", "--import-realm");
        assertThat(String.valueOf(keycloak.get("volumes")))
                .contains("../keycloak/convergence-realm.json:/opt/keycloak/data/import/convergence-realm.json");
        assertThat(Platform.ROOT.resolve("deploy/keycloak/convergence-realm.json")).exists();
        Map<String, Object> env = (Map<String, Object>) keycloak.get("environment");
        assertThat(env.get("KC_DB")).isEqualTo("postgres");
        assertThat(String.valueOf(env.get("KC_DB_URL"))).contains("keycloak-db");
        assertThat(services).containsKey("keycloak-db");
        for (String secret : List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "GATEWAY_CLIENT_SECRET")) {
            assertThat(String.valueOf(env.get(secret))).as(secret + " required, no default").matches("\\$\\{[A-Z_]+:\\?.*}");
        }
        Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("environment");
        assertThat(String.valueOf(gatewayEnv.get("OIDC_AUTHORIZATION_URI"))).endsWith("/realms/convergence/protocol/openid-connect/auth");
        assertThat(String.valueOf(gatewayEnv.get("OIDC_TOKEN_URI"))).isEqualTo("http://keycloak:8080/realms/convergence/protocol/openid-connect/token");
        for (String module : List.of("participant-service", "pathway-service", "partnership-service", "reporting-service", "workspace", "gateway")) {
            Map<String, Object> moduleEnv = (Map<String, Object>) ((Map<String, Object>) services.get(module)).get("environment");
            assertThat(String.valueOf(moduleEnv.get("OIDC_ISSUER"))).as(module).endsWith("/realms/convergence");
            assertThat(String.valueOf(moduleEnv.get("OIDC_JWK_SET_URI"))).as(module)
                    .isEqualTo("http://keycloak:8080/realms/convergence/protocol/openid-connect/certs");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsKeycloakWithSecretsAndNoDemoProvider() throws IOException {
        for (String manifest : List.of("deploy/k8s/platform.yaml", "deploy/k8s/keycloak.yaml")) {
            assertThat(Files.readString(Platform.ROOT.resolve(manifest))).as(manifest)
                    .doesNotContain("identity-provider")   // nor the demo provider's endpoints
                    .doesNotContain("/oauth2/jwks").doesNotContain("/oauth2/authorize").doesNotContain("/oauth2/token");
        }
        List<Object> docs = yamlAll("deploy/k8s/keycloak.yaml");
        Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) find(docs, "Deployment", "keycloak").get("spec")).get("template")).get("spec"))
                .get("containers")).get(0);
        assertThat(container.get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat((List<String>) container.get("args")).containsExactly("start", "--import-realm");
        String env = String.valueOf(container.get("env"));
        for (String secret : List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "GATEWAY_CLIENT_SECRET")) {
            assertThat(env).as(secret + " from a Secret").containsPattern("name=" + secret + ", valueFrom=\\{secretKeyRef=");
        }
        assertThat(String.valueOf(container.get("volumeMounts"))).contains("mountPath=/opt/keycloak/data/import");
        assertThat(String.valueOf(container.get("readinessProbe"))).contains("/health/ready");
        assertThat(String.valueOf(find(docs, "Service", "keycloak").get("spec"))).contains("port=8080");

        Map<String, Object> configMap = (Map<String, Object>) yamlAll("deploy/k8s/platform.yaml").stream()
                .map(d -> (Map<String, Object>) d).filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst().orElseThrow().get("data");
        String issuer = String.valueOf(configMap.get("OIDC_ISSUER"));
        assertThat(issuer).endsWith("/realms/convergence");
        assertThat(configMap.get("OIDC_JWK_SET_URI")).isEqualTo(issuer + "/protocol/openid-connect/certs");
        assertThat(configMap.get("OIDC_AUTHORIZATION_URI")).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(configMap.get("OIDC_TOKEN_URI")).isEqualTo(issuer + "/protocol/openid-connect/token");
    }

    /**
     * The production realm: no user in it (no demo account reaches a deployment), the platform's two clients, and
     * the claims the resource servers require written into access tokens only.
     */
    @Test
    void theKeycloakRealmHasNoUsersAndMapsThePlatformsClaimsIntoAccessTokensOnly() throws IOException {
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Platform.ROOT.resolve("deploy/keycloak/convergence-realm.json").toFile());
        assertThat(realm.get("realm").asText()).isEqualTo("convergence");
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        Map<String, com.fasterxml.jackson.databind.JsonNode> clients = new java.util.HashMap<>();
        realm.get("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        assertThat(clients).containsOnlyKeys("convergence-gateway", "convergence-cli");
        com.fasterxml.jackson.databind.JsonNode gateway = clients.get("convergence-gateway");
        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("secret").asText()).isEqualTo("${GATEWAY_CLIENT_SECRET}");
        assertThat(gateway.get("redirectUris").toString()).contains("${GATEWAY_PUBLIC_URL}/login/oauth2/code/convergence");
        com.fasterxml.jackson.databind.JsonNode cli = clients.get("convergence-cli");
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(cli.get("redirectUris").toString()).isEqualTo("[\"http://127.0.0.1/cli-callback\"]");
        for (com.fasterxml.jackson.databind.JsonNode client : clients.values()) {
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
            Map<String, com.fasterxml.jackson.databind.JsonNode> claims = new java.util.HashMap<>();
            client.get("protocolMappers").forEach(m -> claims.put(m.get("config").has("claim.name")
                    ? m.get("config").get("claim.name").asText() : "aud", m.get("config")));
            assertThat(claims).containsOnlyKeys("aud", "token_use", "role", "territory", "territories", "aci", "national");
            assertThat(claims.get("aud").get("included.custom.audience").asText()).isEqualTo("convergence-platform");
            assertThat(claims.get("token_use").get("claim.value").asText()).isEqualTo("access");
            assertThat(claims.get("territories").get("multivalued").asText()).isEqualTo("true");
            assertThat(claims.get("national").get("jsonType.label").asText()).isEqualTo("boolean");
            claims.forEach((claim, config) -> {
                assertThat(config.get("access.token.claim").asText()).as(claim + " in access tokens").isEqualTo("true");
                assertThat(config.get("id.token.claim").asText()).as(claim + " kept out of ID tokens").isEqualTo("false");
            });
        }
    }

    static final List<String> BACKENDS = List.of("participant-service", "pathway-service", "partnership-service",
            "reporting-service", "pathway-service-lyon", "partnership-service-lyon");

    /** The variable a {@code ${NAME:?message}} placeholder requires. */
    static String required(Object value) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}").matcher(String.valueOf(value));
        assertThat(m.find()).as(value + " requires a variable").isTrue();
        return m.group(1);
    }

    /** The user of a MongoDB connection string ({@code mongodb://user:password@hosts/...}), TERRITORY at its default. */
    static String mongoUser(Object uri) {
        Matcher m = Pattern.compile("^mongodb://([^:@/]+):[^@]+@")
                .matcher(String.valueOf(uri).replace("${TERRITORY:-paris}", "paris"));
        assertThat(m.find()).as(uri + " names a user and a password").isTrue();
        return m.group(1);
    }

    /**
     * Issue 21 finding 6: compose runs Kafka with SASL only and an authorizer that denies what no ACL allows, MongoDB
     * with access control; every service connects with its own principal and user, whose passwords are required
     * variables handed to the init jobs that create them (a service whose principal nobody creates fails here);
     * participant-service's key vault has a user of its own, allowed on the key database only.
     */
    @Test
    @SuppressWarnings("unchecked")
    void composeRunsKafkaAndMongoWithAuthenticationAndAUserPerService() throws IOException {
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) yaml("deploy/compose/compose.yml")).get("services");
        for (String broker : List.of("kafka1", "kafka2", "kafka3")) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(broker)).get("environment");
            assertThat(String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).as(broker)
                    .isEqualTo("BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"))).startsWith("BROKER://");
            assertThat(env.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
            assertThat(required(env.get("KAFKA_LISTENER_NAME_BROKER_PLAIN_SASL_JAAS_CONFIG"))).isEqualTo("KAFKA_ADMIN_PASSWORD");
        }
        Map<String, Object> mongo1 = (Map<String, Object>) services.get("mongo1");
        assertThat(String.valueOf(mongo1.get("entrypoint"))).contains("--keyFile").contains("--replSet rs0");
        assertThat(required(((Map<String, Object>) mongo1.get("environment")).get("MONGO_INITDB_ROOT_PASSWORD")))
                .isEqualTo("MONGO_ROOT_PASSWORD");

        Map<String, Object> kafkaInit = (Map<String, Object>) ((Map<String, Object>) services.get("kafka-init")).get("environment");
        Map<String, Object> mongoInit = (Map<String, Object>) ((Map<String, Object>) services.get("mongo-init")).get("environment");
        String kafkaScript = Files.readString(Platform.ROOT.resolve("deploy/compose/kafka/init-security.sh"));
        String mongoScript = Files.readString(Platform.ROOT.resolve("deploy/compose/mongo/init-users.js"));
        List<String> kafkaUsers = new ArrayList<>();
        List<String> mongoUsers = new ArrayList<>();
        for (String backend : BACKENDS) {
            Map<String, Object> service = (Map<String, Object>) services.get(backend);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).as(backend).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.get("KAFKA_SASL_MECHANISM")).as(backend).isEqualTo("SCRAM-SHA-512");
            String kafkaPassword = required(env.get("KAFKA_SASL_PASSWORD"));
            assertThat(required(kafkaInit.get(kafkaPassword))).as(backend + "'s principal created by kafka-init").isEqualTo(kafkaPassword);
            assertThat(kafkaScript).as(backend + "'s principal created by kafka-init").contains("\"$" + kafkaPassword + "\"");
            kafkaUsers.add(String.valueOf(env.get("KAFKA_SASL_USERNAME")));
            String uri = String.valueOf(env.get("MONGODB_URI"));
            assertThat(uri).as(backend).contains("replicaSet=rs0").contains("authSource=admin");
            String mongoPassword = required(uri);
            assertThat(required(mongoInit.get(mongoPassword))).as(backend + "'s user created by mongo-init").isEqualTo(mongoPassword);
            assertThat(mongoScript).as(backend + "'s user created by mongo-init").contains("'" + mongoPassword + "'");
            mongoUsers.add(mongoUser(uri));
            assertThat(String.valueOf(service.get("depends_on"))).as(backend)
                    .contains("mongo-init={condition=service_completed_successfully}")
                    .contains("kafka-init={condition=service_completed_successfully}");
        }
        assertThat(kafkaUsers).as("one Kafka principal per instance").doesNotHaveDuplicates();
        assertThat(mongoUsers).as("one MongoDB user per instance").doesNotHaveDuplicates();

        Map<String, Object> participant = (Map<String, Object>) ((Map<String, Object>) services.get("participant-service")).get("environment");
        String vaultUri = String.valueOf(participant.get("PARTICIPANT_KEYVAULT_MONGODB_URI"));
        assertThat(mongoUser(vaultUri)).isEqualTo("participant-keys-paris")
                .isNotEqualTo(mongoUser(participant.get("MONGODB_URI")));
        assertThat(required(vaultUri)).isEqualTo("MONGO_PARTICIPANT_KEYS_PASSWORD");
        // the vault's user may use the key database only, the data's user never the key database
        assertThat(mongoScript).contains("{user: `participant-keys-${territory}`, password: 'MONGO_PARTICIPANT_KEYS_PASSWORD', databases: [`participant_keys_${territory}`]}")
                .contains("{user: `participant-${territory}`, password: 'MONGO_PARTICIPANT_PASSWORD', databases: [`participant_${territory}`]}");
        assertThat(String.valueOf(((Map<String, Object>) yaml("deploy/compose/compose.yml")).get("secrets"))).contains("mongo_keyfile");
    }

    /**
     * Issue 21 finding 6 on Kubernetes: every backend reads its MongoDB connection string and its Kafka password from
     * Secrets, connects over TLS with SCRAM, and its principal is declared (Strimzi KafkaUser) with ACLs; the key
     * vault's connection string is a Secret of its own.
     */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesReadsKafkaAndMongoCredentialsFromSecrets() throws IOException {
        List<Object> docs = yamlAll("deploy/k8s/platform.yaml");
        Map<String, Object> configMap = (Map<String, Object>) docs.stream().map(d -> (Map<String, Object>) d)
                .filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst().orElseThrow().get("data");
        assertThat(configMap.get("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(configMap.get("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(String.valueOf(configMap.get("KAFKA_SSL_TRUSTSTORE_LOCATION"))).startsWith("/etc/kafka-ca/");
        List<Object> kafkaUsers = yamlAll("deploy/k8s/kafka-users.yaml");
        for (String module : List.of("participant-service", "pathway-service", "partnership-service", "reporting-service")) {
            Map<String, Object> deployment = find(docs, "Deployment", module);
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    deployment.get("spec")).get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            Map<String, Map<String, Object>> env = new java.util.HashMap<>();
            ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.put((String) e.get("name"), e));
            assertThat(String.valueOf(env.get("MONGODB_URI"))).as(module)
                    .contains("secretKeyRef={name=convergence-" + module.replace("-service", "") + "-mongodb, key=uri}");
            String principal = String.valueOf(env.get("KAFKA_SASL_USERNAME").get("value"));
            assertThat(String.valueOf(env.get("KAFKA_SASL_PASSWORD"))).as(module)
                    .contains("secretKeyRef={name=" + principal + ", key=password}");
            Map<String, Object> user = find(kafkaUsers, "KafkaUser", principal);
            assertThat(String.valueOf(user.get("spec"))).as(principal).contains("authentication={type=scram-sha-512}")
                    .contains("type=simple").contains("acls=");
            assertThat(String.valueOf(container.get("volumeMounts"))).as(module).contains("mountPath=/etc/kafka-ca");
            assertThat(String.valueOf(pod.get("volumes"))).as(module).contains("secretName=convergence-kafka-cluster-ca-cert");
        }
        Map<String, Object> participant = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) find(docs, "Deployment", "participant-service").get("spec")).get("template"))
                .get("spec")).get("containers")).get(0);
        assertThat(String.valueOf(participant.get("env"))).contains("name=PARTICIPANT_KEYVAULT_MONGODB_URI, valueFrom={secretKeyRef={name=convergence-participant-keyvault-mongodb, key=uri}}");
        // a producer may write its own territory's topic only; the national reader writes nothing
        assertThat(String.valueOf(find(kafkaUsers, "KafkaUser", "pathway-paris").get("spec")))
                .contains("name=convergence.paris.pathway.v1, patternType=literal}, operations=[Write, Describe]")
                .doesNotContain("lyon");
        assertThat(String.valueOf(find(kafkaUsers, "KafkaUser", "reporting").get("spec"))).doesNotContain("Write");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Object> docs, String kind, String name) {
        return docs.stream().map(d -> (Map<String, Object>) d)
                .filter(d -> kind.equals(d.get("kind")) && name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " missing"));
    }
}
