package fr.convergence.reporting.store;

import fr.convergence.reporting.indicators.Contribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionCodecTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Contribution c = new Contribution(1, 1, 1, 1, "POSITIVE_EXIT", "training", 27, 1, 1, 1, 1, 1, 1, 1, 1,
                List.of("HEALTH", "HOUSING"), 72.5, List.of(4.0, 6.0), 6.0, 1, 1);

        assertThat(ContributionCodec.read(ContributionCodec.write(c))).isEqualTo(c);
    }

    @Test
    void everySupportFieldSurvivesTheRoundTrip() {
        Contribution c = new Contribution(1, 1, 0, 0, "DURABLE_EMPLOYMENT", "CDI", 14, 0, 0, 0, 0, 0, 0, 0, 0,
                List.of(), 0, List.of(), null, 0, 0, new Contribution.Support("STREET", 3, 2, 1, "SOCIAL_RESIDENCE",
                new Contribution.Contact("CDI", "DURABLE_HOUSING"), new Contribution.Contact("NOT_REACHED", "UNKNOWN"),
                List.of("HEALTH", "JUSTICE"), 1, 2, 7.5));

        assertThat(ContributionCodec.read(ContributionCodec.write(c))).isEqualTo(c);
    }

    @Test
    void zeroFieldsAreLeftOutAndReadBackAsZero() {
        Contribution c = new Contribution(1, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0,
                List.of(), null);

        assertThat(ContributionCodec.write(c).keySet()).containsExactly("entered");
        assertThat(ContributionCodec.read(ContributionCodec.write(c))).isEqualTo(c);
    }
}
