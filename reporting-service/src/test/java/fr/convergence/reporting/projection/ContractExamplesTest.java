package fr.convergence.reporting.projection;

import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.ingest.EventParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract's own examples (contracts jar, {@code contracts/examples/pathway-event.v1.*.json}) are one
 * pathway's stream: hiring, entry profile, and a correction of the profile's date. This service reads and folds them.
 */
class ContractExamplesTest {

    private static String example(String type) throws IOException {
        try (InputStream in = ContractExamplesTest.class.getClassLoader()
                .getResourceAsStream("contracts/examples/pathway-event.v1." + type + ".json")) {
            assertThat(in).as("contract example of " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePublishedExamplesFoldIntoAProfiledPathwayWithItsCorrectedDate() throws IOException {
        PathwayFacts f = null;
        for (String type : List.of("ParticipantHired", "EntryProfileRecorded", "EventDateCorrected")) {
            PathwayEvent e = EventParser.pathway("convergence.paris.pathway.v1", example(type));
            f = PathwayFolding.apply(f == null ? PathwayFacts.empty(e.pathwayId()) : f, e);
        }

        assertThat(f.lastSequence).isEqualTo(2);
        assertThat(f.entryProfile.housing()).isEqualTo("STREET");
        assertThat(f.entryProfile.referredBy()).isEqualTo("STREET_OUTREACH");
        assertThat(f.dateCorrections).containsEntry("1", "2026-01-06");
        assertThat(Contributions.of(f).values()).extracting(c -> c.support().entryHousing())
                .containsExactly("STREET");
        assertThat(Contributions.of(f).values()).extracting(Contribution::entered).containsExactly(1);
    }
}
