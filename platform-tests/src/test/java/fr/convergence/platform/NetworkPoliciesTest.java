package fr.convergence.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes network policies (issue 21 finding 10): the gateway is the only way in, and each service accepts
 * exactly the callers its neighbours' configuration says they need — derived here from each module's
 * application.yml (who reads PATHWAY_URL calls pathway-service), so a new call between services without its rule, or
 * a rule wider than the calls, fails this test. No cluster here: the manifests are parsed.
 */
class NetworkPoliciesTest {

    static final Map<String, String> SERVICE_OF_URL = Map.of("PARTICIPANT_URL", "participant-service",
            "PATHWAY_URL", "pathway-service", "AUDIT_URL", "pathway-service", "PARTNERSHIP_URL", "partnership-service",
            "REPORTING_URL", "reporting-service", "WORKSPACE_URL", "workspace");
    static final List<String> MODULES = List.of("participant-service", "pathway-service", "partnership-service",
            "reporting-service", "workspace", "gateway");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> policiesBySelectedApp() throws IOException {
        Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
        for (Object doc : DeploymentManifestsTest.yamlAll("deploy/k8s/network-policies.yaml")) {
            Map<String, Object> policy = (Map<String, Object>) doc;
            assertThat(policy.get("kind")).isEqualTo("NetworkPolicy");
            Map<String, Object> spec = (Map<String, Object>) policy.get("spec");
            Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) spec.get("podSelector"))
                    .getOrDefault("matchLabels", Map.of());
            policies.put(String.valueOf(labels.getOrDefault("app", "*")), spec);
        }
        return policies;
    }

    /** Which modules call {@code service}, from the URL settings each module's application.yml reads. */
    static Set<String> callersFromConfiguration(String service) throws IOException {
        Set<String> callers = new TreeSet<>();
        for (String module : MODULES) {
            String config = Files.readString(Platform.ROOT.resolve(module + "/src/main/resources/application.yml"));
            SERVICE_OF_URL.forEach((url, target) -> {
                if (target.equals(service) && config.contains("${" + url)) {
                    callers.add(module);
                }
            });
        }
        return callers;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPodDeniesIngressUnlessARuleLetsItIn() throws IOException {
        Map<String, Object> deny = policiesBySelectedApp().get("*");
        assertThat(deny).as("a default-deny policy selecting every pod").isNotNull();
        assertThat((List<String>) deny.get("policyTypes")).containsExactly("Ingress");
        assertThat(deny.get("ingress")).as("the default policy lets nothing in").isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayIsOpenToAnyone() throws IOException {
        Map<String, Map<String, Object>> policies = policiesBySelectedApp();
        List<Map<String, Object>> gatewayRules = (List<Map<String, Object>>) policies.get("gateway").get("ingress");
        assertThat(gatewayRules).hasSize(1);
        assertThat(gatewayRules.get(0)).doesNotContainKey("from");
        assertThat(String.valueOf(gatewayRules.get(0).get("ports"))).contains("port=" + DeploymentManifestsTest.defaultPort("gateway"));
        for (String module : MODULES) {
            if (module.equals("gateway")) {
                continue;
            }
            for (Map<String, Object> rule : (List<Map<String, Object>>) policies.get(module).get("ingress")) {
                assertThat(rule).as(module + ": every rule names its callers").containsKey("from");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceAcceptsExactlyTheCallersThatNeedItAndPrometheus() throws IOException {
        Map<String, Map<String, Object>> policies = policiesBySelectedApp();
        for (String service : MODULES) {
            if (service.equals("gateway")) {
                continue;
            }
            Map<String, Object> spec = policies.get(service);
            assertThat(spec).as("a policy for " + service).isNotNull();
            List<Map<String, Object>> rules = (List<Map<String, Object>>) spec.get("ingress");
            Set<String> callers = new TreeSet<>();
            boolean monitoring = false;
            for (Map<String, Object> rule : rules) {
                assertThat(String.valueOf(rule.get("ports"))).as(service + " port")
                        .isEqualTo("[{port=" + DeploymentManifestsTest.defaultPort(service) + "}]");
                for (Map<String, Object> from : (List<Map<String, Object>>) rule.get("from")) {
                    if (from.containsKey("podSelector")) {
                        callers.add(String.valueOf(((Map<String, Object>) ((Map<String, Object>) from.get("podSelector"))
                                .get("matchLabels")).get("app")));
                    } else {
                        assertThat(String.valueOf(from.get("namespaceSelector"))).as(service + ": the only other source")
                                .contains("kubernetes.io/metadata.name=monitoring");
                        monitoring = true;
                    }
                }
            }
            assertThat(callers).as(service + "'s callers").isEqualTo(callersFromConfiguration(service));
            assertThat(monitoring).as(service + " scraped by Prometheus").isTrue();
        }
    }

    /** The derivation itself: the gateway routes to every service, pathway-service calls two for the audit. */
    @Test
    void theCallersAreReadFromTheConfiguration() throws IOException {
        assertThat(callersFromConfiguration("participant-service")).containsExactly("gateway", "pathway-service", "workspace");
        assertThat(callersFromConfiguration("workspace")).containsExactly("gateway");
    }
}
