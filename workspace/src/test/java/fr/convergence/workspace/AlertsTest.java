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
        assertThat(RULES.followUpContactMonths()).containsExactly(1, 3, 6, 12);
        assertThat(RULES.exitCancelWindowDays()).isEqualTo(30);
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
                .containsExactly(Alert.Kind.CONTRACT_LENGTH);
        assertThat(alerts.of("ACTIVE", "CVG", start, TODAY.plusYears(1), TODAY, null, null, TODAY).get(0).label())
                .isEqualTo("Point des " + RULES.contractMaxMonths() + " mois proche");
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

    @Test
    void aFollowUpContactIsToMakeWithinAWeekOfItsDueDateAndOnceOverdue() {
        assertThat(alerts.followUpContact(List.of(TODAY.plusDays(Alerts.FOLLOW_UP_CONTACT_NOTICE_DAYS + 1)), TODAY)).isEmpty();
        assertThat(alerts.followUpContact(List.of(), TODAY)).isEmpty();
        Alert soon = alerts.followUpContact(List.of(TODAY.plusMonths(3), TODAY.plusDays(Alerts.FOLLOW_UP_CONTACT_NOTICE_DAYS)), TODAY)
                .orElseThrow();
        assertThat(soon.kind()).isEqualTo(Alert.Kind.FOLLOW_UP_CONTACT_DUE);
        assertThat(soon.label()).isEqualTo("Contact de suivi à faire");
        assertThat(soon.due()).isEqualTo(TODAY.plusDays(7));
        assertThat(soon.severity()).isEqualTo("warning");
        // overdue: the earliest one, as an error
        Alert late = alerts.followUpContact(List.of(TODAY.plusDays(2), TODAY.minusDays(3)), TODAY).orElseThrow();
        assertThat(late.due()).isEqualTo(TODAY.minusDays(3));
        assertThat(late.severity()).isEqualTo("error");
        assertThat(alerts.followUpContact(List.of(TODAY), TODAY).orElseThrow().severity()).isEqualTo("warning");
    }
}
