package fr.convergence.partnership.domain;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The barrier → partner table against the contract it reads: every barrier domain pathway-service may publish
 * (pathway-event v1, BarrierAssessed.data.domain) opens a need in some partner domain, and the employment partners
 * get needs too (before EMPLOYMENT_PROJECT, no barrier reached them and their queue stayed empty).
 */
class BarrierMappingCoverageTest {

    @Test
    void everyPublishedBarrierDomainMapsToAPartnerDomainAndEmploymentIsReached() throws IOException {
        Set<String> published = new TreeSet<>(barrierDomainsOfTheContract());
        Map<String, String> table = mappingTable();

        assertThat(published).isNotEmpty().contains("HOUSING", "EMPLOYMENT_PROJECT");
        assertThat(table.keySet()).containsAll(published);
        assertThat(table.values()).allSatisfy(partner -> assertThat(PartnerDomain.valueOf(partner)).isNotNull());
        assertThat(table).containsEntry("EMPLOYMENT_PROJECT", "EMPLOYMENT");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> mappingTable() throws IOException {
        try (InputStream in = BarrierMappingCoverageTest.class.getResourceAsStream("/partnership-reference.yml")) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Object> partnership = (Map<String, Object>) doc.get("partnership");
            Map<String, String> table = new java.util.LinkedHashMap<>();
            for (Map<String, String> row : (List<Map<String, String>>) partnership.get("barrier-domains")) {
                table.put(row.get("barrier"), row.get("partner"));
            }
            return table;
        }
    }

    private static List<String> barrierDomainsOfTheContract() throws IOException {
        try (InputStream in = BarrierMappingCoverageTest.class.getResourceAsStream("/contracts/pathway-event.v1.schema.json")) {
            JsonNode schema = JsonMapper.builder().build().readTree(in);
            List<String> domains = new ArrayList<>();
            collect(schema, domains);
            return domains;
        }
    }

    /** The enum of a property named "domain" that lists HOUSING: BarrierAssessed's (and BarrierLifted's) domain. */
    private static void collect(JsonNode node, List<String> domains) {
        if (node.isObject()) {
            JsonNode domain = node.get("domain");
            if (domain != null && domain.has("enum") && domain.get("enum").toString().contains("\"HOUSING\"")) {
                domain.get("enum").forEach(d -> domains.add(d.asString()));
            }
            node.propertyNames().forEach(name -> collect(node.get(name), domains));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, domains));
        }
    }
}
