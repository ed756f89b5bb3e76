package fr.convergence.pathway.publishing;

import fr.convergence.contracts.ContractSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published examples of pathway-event v1 follow the schema, and the schema keeps the situation events coded:
 * a free-text field or an uncoded value in their data is refused (health stays out of Kafka, GDPR Art. 9).
 */
class PathwayContractExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ParticipantHired", "EntryProfileRecorded", "EventDateCorrected"})
    void eachExampleFollowsTheContract(String type) throws IOException {
        assertThat(ContractSchemas.violations("pathway-event", 1, example(type))).isEmpty();
    }

    @Test
    void anEntryProfileWithFreeTextIsRefused() throws IOException {
        String withNote = example("EntryProfileRecorded").replace("\"healthCover\": \"NONE\"",
                "\"healthCover\": \"NONE\", \"note\": \"diabetic, sees Dr Martin\"");
        assertThat(withNote).contains("Dr Martin");
        assertThat(ContractSchemas.violations("pathway-event", 1, withNote)).isNotEmpty();
    }

    @Test
    void anUncodedHousingSituationIsRefused() throws IOException {
        String uncoded = example("EntryProfileRecorded").replace("\"housing\": \"STREET\"",
                "\"housing\": \"sleeps in the car park near the station\"");
        assertThat(uncoded).contains("car park");
        assertThat(ContractSchemas.violations("pathway-event", 1, uncoded)).isNotEmpty();
    }

    private static String example(String type) throws IOException {
        try (InputStream in = PathwayContractExamplesTest.class.getClassLoader()
                .getResourceAsStream("contracts/examples/pathway-event.v1." + type + ".json")) {
            assertThat(in).as(type + " example").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
