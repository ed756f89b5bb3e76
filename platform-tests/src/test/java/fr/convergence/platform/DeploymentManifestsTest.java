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
        assertThat(configMap).as("ConfigMap").isNotNull().containsKeys(BACKEND_ENV.toArray(String[]::new));
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
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Object> docs, String kind, String name) {
        return docs.stream().map(d -> (Map<String, Object>) d)
                .filter(d -> kind.equals(d.get("kind")) && name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " missing"));
    }
}
