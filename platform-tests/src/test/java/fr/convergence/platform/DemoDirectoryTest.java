package fr.convergence.platform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACI of each territory have one home, participant-service's reference data (seed-territories.json); the demo
 * loader reads them from its API. The local identity provider's demo directory gives one CIP account per ACI, so its
 * counts must be the same, or some ACI would have no one to sign in as (and the loader would fail on them).
 */
class DemoDirectoryTest {

    @Test
    @SuppressWarnings("unchecked")
    void theDemoDirectoryHasACipAccountForEveryAciOfTheReferenceData() throws IOException {
        Map<String, Object> seed = (Map<String, Object>) new Yaml().load(Files.readString(Platform.ROOT.resolve(
                "participant-service/src/main/resources/reference/seed-territories.json")));
        Map<String, Integer> reference = new TreeMap<>();
        for (Map<String, Object> territory : (List<Map<String, Object>>) seed.get("territories")) {
            List<Map<String, Object>> acis = (List<Map<String, Object>>) territory.get("acis");
            reference.put((String) territory.get("code"), acis.size());
            for (int n = 1; n <= acis.size(); n++) {   // the directory names accounts cip-aci-<territory>-<n>
                assertThat(acis.stream().map(a -> a.get("id")))
                        .contains("aci-" + territory.get("code") + "-" + n);
            }
        }
        Map<String, Object> directory = (Map<String, Object>) new Yaml().load(Files.readString(Platform.ROOT.resolve(
                "identity-provider/src/main/resources/demo-directory.yml")));

        assertThat(new TreeMap<>((Map<String, Integer>) directory.get("territories"))).isEqualTo(reference);
        assertThat(reference).hasSize(8);
    }
}
