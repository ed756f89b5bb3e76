package fr.convergence.pathway.domain;

import fr.convergence.pathway.domain.event.AccompanimentRecorded;
import fr.convergence.pathway.domain.event.EventDateCorrected;
import fr.convergence.pathway.domain.event.FollowUpContactRecorded;
import fr.convergence.pathway.domain.event.PathwayEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.convergence.pathway.domain.SituationAndAccompanimentRulesTest.EXIT;
import static fr.convergence.pathway.domain.SituationAndAccompanimentRulesTest.ID;
import static fr.convergence.pathway.domain.SituationAndAccompanimentRulesTest.START;
import static fr.convergence.pathway.domain.SituationAndAccompanimentRulesTest.exited;
import static fr.convergence.pathway.domain.SituationAndAccompanimentRulesTest.hired;
import static fr.convergence.pathway.domain.TestRules.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the person's page reads from the fold follows a date correction: the day of the last accompaniment and the
 * day of a follow-up contact (found in the browser: a corrected interview still showed its mistaken day).
 */
class CorrectedDatesOnTheViewTest {

    static PathwayState fold(PathwayEvent... events) {
        PathwayState state = new PathwayState();
        for (int i = 0; i < events.length; i++) {
            state.apply(events[i], i);
        }
        return state;
    }

    static AccompanimentRecorded interview(LocalDate on) {
        return new AccompanimentRecorded(ID, on, AccompanimentKind.INTERVIEW, SessionLength.MINUTES_30_TO_60,
                List.of(SupportRole.PARTICIPANT, SupportRole.CIP));
    }

    @Test
    void theLastAccompanimentIsTheLatestDayAfterCorrection() {
        LocalDate first = START.plusMonths(1);
        LocalDate mistaken = START.plusMonths(3);
        PathwayState state = fold(hired(), interview(first), interview(mistaken),
                new EventDateCorrected(ID, TODAY, 2, "AccompanimentRecorded", mistaken, START.plusDays(10),
                        CorrectionReason.DATA_ENTRY_ERROR));
        assertThat(state.accompaniments().lastOn()).isEqualTo(first);
        assertThat(state.accompaniments().total()).isEqualTo(2);
    }

    @Test
    void aCorrectedContactShowsItsRightDay() {
        LocalDate mistaken = EXIT.plusMonths(1);
        PathwayState state = fold(hired(), exited(EXIT),
                new FollowUpContactRecorded(ID, mistaken, 1, EmploymentSituation.CDI, HousingSituation.SOCIAL_RESIDENCE, null),
                new EventDateCorrected(ID, TODAY, 2, "FollowUpContactRecorded", mistaken, mistaken.minusDays(3),
                        CorrectionReason.DATA_ENTRY_ERROR));
        assertThat(state.followUpContacts()).singleElement()
                .satisfies(c -> assertThat(c.date()).isEqualTo(mistaken.minusDays(3)))
                .satisfies(c -> assertThat(c.milestoneMonths()).isEqualTo(1));
    }
}
