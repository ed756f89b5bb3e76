package fr.convergence.workspace;

import fr.convergence.workspace.rules.Alert;
import fr.convergence.workspace.rules.Alerts;
import fr.convergence.workspace.rules.ProgrammeRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts from pathway-service's own programme-rules.yml (copied onto the class path by the build). */
class AlertsTest {

    static final ProgrammeRules RULES = ProgrammeRules.load();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    final Alerts alerts = new Alerts(RULES);

    private List<Alert.Kind> kinds(List<Alert> list) {
        return list.stream().map(Alert::kind).toList();
    }

    @Test
    void theRulesAreReadFromPathwayServicesFile() {
        assertThat(RULES.contractMaxMonths()).isEqualTo(24);
        assertThat(RULES.followUpMaxMonths()).isEqualTo(12);
        assertThat(RULES.exitReasons()).containsEntry("CDI", "DURABLE_EMPLOYMENT");
    }

    @Test
    void aPlannedEndWithinThirtyDaysIsAnAlertAndOneFurtherIsNot() {
        LocalDate start = TODAY.minusMonths(5);
        assertThat(kinds(alerts.of("ACTIVE", "CVG", start, TODAY.plusDays(30), TODAY, null, null, TODAY)))
                .containsExactly(Alert.Kind.PLANNED_END);
        assertThat(alerts.of("ACTIVE", "CVG", start, TODAY.plusDays(31), TODAY, null, null, TODAY)).isEmpty();
        assertThat(alerts.of("ACTIVE", "CVG", start, TODAY.plusDays(3), TODAY, null, null, TODAY).get(0).severity())
                .isEqualTo("error");
    }

    @Test
    void theContractsMaximumLengthComesFromTheRules() {
        LocalDate start = TODAY.minusMonths(RULES.contractMaxMonths()).plusDays(20);
        assertThat(kinds(alerts.of("ACTIVE", "CVG", start, TODAY.plusYears(1), TODAY, null, null, TODAY)))
                .containsExactly(Alert.Kind.MONTH_24);
        assertThat(alerts.of("ACTIVE", "CVG", TODAY.minusMonths(12), TODAY.plusYears(1), TODAY, null, null, TODAY)).isEmpty();
    }

    @Test
    void phcHoursUntouchedForSixWeeksAskForAReview() {
        LocalDate start = TODAY.minusMonths(3);
        assertThat(kinds(alerts.of("ACTIVE", "PHC", start, TODAY.plusMonths(3), TODAY.minusWeeks(6), null, null, TODAY)))
                .containsExactly(Alert.Kind.PHC_HOURS_REVIEW);
        assertThat(alerts.of("ACTIVE", "PHC", start, TODAY.plusMonths(3), TODAY.minusWeeks(5), null, null, TODAY)).isEmpty();
        assertThat(alerts.of("ACTIVE", "CVG", start, TODAY.plusMonths(3), TODAY.minusWeeks(10), null, null, TODAY)).isEmpty();
    }

    @Test
    void theFollowUpWindowClosingIsAnAlertUntilTheFollowUpEnds() {
        LocalDate exited = TODAY.minusMonths(RULES.followUpMaxMonths()).plusDays(10);
        assertThat(kinds(alerts.of("EXITED", "CVG", TODAY.minusYears(2), null, null, exited, null, TODAY)))
                .containsExactly(Alert.Kind.FOLLOW_UP_WINDOW);
        assertThat(alerts.of("CLOSED", "CVG", TODAY.minusYears(2), null, null, exited, TODAY, TODAY)).isEmpty();
    }
}
