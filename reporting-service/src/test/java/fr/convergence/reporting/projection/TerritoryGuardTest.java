package fr.convergence.reporting.projection;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pathway or referral known in one territory refuses an event of another (same id on another stream). */
class TerritoryGuardTest {

    private static PathwayEvent event(String territory, long sequence, String type, Map<String, Object> data) {
        return new PathwayEvent("e" + sequence, type, territory, "aci-1", "pw-1", sequence, "2026-01-05", data);
    }

    @Test
    void aPathwayOfParisRefusesAnEventOfLyon() {
        PathwayFacts paris = PathwayFolding.apply(PathwayFacts.empty("pw-1"), event("paris", 0, "ParticipantHired",
                Map.of("programme", "CVG", "weeklyHours", 20)));

        assertThatThrownBy(() -> PathwayFolding.apply(paris, event("lyon", 1, "ParticipantExited",
                Map.of("category", "DURABLE_EMPLOYMENT", "reason", "CDI", "monthsInPathway", 3))))
                .isInstanceOfSatisfying(TerritoryMismatchException.class,
                        e -> assertThat(e.reason()).isEqualTo("territory-mismatch"));
        assertThat(PathwayFolding.apply(paris, event("paris", 1, "ParticipantExited",
                Map.of("category", "DURABLE_EMPLOYMENT", "reason", "CDI", "monthsInPathway", 3))).territory)
                .isEqualTo("paris");
    }

    @Test
    void aReferralOfParisRefusesAnEventOfLyon() {
        ReferralState paris = ReferralState.apply(null, new ReferralEvent("e1", "ReferralProposed", "paris", null,
                "r1", "2026-03-01", "HOUSING", "PROPOSED", null));

        assertThatThrownBy(() -> ReferralState.apply(paris, new ReferralEvent("e2", "ReferralCompleted", "lyon",
                null, "r1", "2026-03-01", "HOUSING", "COMPLETED", "HOUSED")))
                .isInstanceOf(TerritoryMismatchException.class);
    }
}
