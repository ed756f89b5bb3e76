package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (from, to) pair of the referral lifecycle: the allowed ones succeed, every other one is refused. */
class ReferralStateMachineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Set<String> OUTCOMES = Set.of("HOUSED", "OTHER");
    static final Set<List<ReferralStatus>> ALLOWED = Set.of(
            List.of(ReferralStatus.PROPOSED, ReferralStatus.ACCEPTED),
            List.of(ReferralStatus.PROPOSED, ReferralStatus.DECLINED),
            List.of(ReferralStatus.PROPOSED, ReferralStatus.CANCELLED),
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED),
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED));

    static Partner partner() {
        return Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING), List.of())
                .signAgreement("a1", TODAY.minusYears(1), TODAY.plusYears(1), Set.of(PartnerDomain.HOUSING));
    }

    static Referral proposed() {
        return Referral.propose("r1", "lyon", "PSN-1", partner(), PartnerDomain.HOUSING, TODAY.minusDays(10), "cdp-1", TODAY);
    }

    /** A referral brought to {@code status} through allowed steps. */
    static Referral in(ReferralStatus status) {
        Referral r = proposed();
        return switch (status) {
            case PROPOSED -> r;
            case ACCEPTED -> r.accept(TODAY.minusDays(9), "cdp-1", TODAY);
            case DECLINED -> r.decline(TODAY.minusDays(9), "cdp-1", "FULL", TODAY);
            case CANCELLED -> r.cancel(TODAY.minusDays(9), "cdp-1", "MISTAKE", TODAY);
            case COMPLETED -> r.accept(TODAY.minusDays(9), "cdp-1", TODAY).complete(TODAY.minusDays(5), "cdp-1", "HOUSED",
                    OUTCOMES, TODAY);
        };
    }

    static Referral move(Referral r, ReferralStatus to) {
        LocalDate on = TODAY.minusDays(2);
        return switch (to) {
            case PROPOSED -> throw new StateConflict("referral-transition", "a referral is proposed only once");
            case ACCEPTED -> r.accept(on, "cdp-2", TODAY);
            case DECLINED -> r.decline(on, "cdp-2", "FULL", TODAY);
            case COMPLETED -> r.complete(on, "cdp-2", "HOUSED", OUTCOMES, TODAY);
            case CANCELLED -> r.cancel(on, "cdp-2", "EXIT", TODAY);
        };
    }

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void allowsExactlyTheTransitionsOfTheTable(ReferralStatus from, ReferralStatus to) {
        Referral start = in(from);
        assertThat(start.status()).isEqualTo(from);
        if (ALLOWED.contains(List.of(from, to))) {
            Referral next = move(start, to);
            assertThat(next.status()).isEqualTo(to);
            assertThat(next.history()).hasSize(start.history().size() + 1);
            assertThat(next.history().get(next.history().size() - 1))
                    .isEqualTo(new Referral.Step(to, TODAY.minusDays(2), "cdp-2"));
            assertThat(from.canMoveTo(to)).isTrue();
        } else {
            assertThatThrownBy(() -> move(start, to)).isInstanceOf(StateConflict.class)
                    .extracting(e -> ((StateConflict) e).rule()).isEqualTo("referral-transition");
            assertThat(from.canMoveTo(to)).isFalse();
        }
    }

    @Test
    void theTableHasExactlyFiveTransitions() {
        long count = Stream.of(ReferralStatus.values()).mapToLong(s -> s.next().size()).sum();
        assertThat(count).isEqualTo(ALLOWED.size());
    }

    @Test
    void aCompletedReferralCarriesItsOutcome() {
        assertThat(in(ReferralStatus.COMPLETED).outcome()).isEqualTo("HOUSED");
    }

    @Test
    void completionNeedsAKnownOutcome() {
        Referral accepted = in(ReferralStatus.ACCEPTED);
        assertThatThrownBy(() -> accepted.complete(TODAY, "cdp-1", "TELEPORTED", OUTCOMES, TODAY))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("outcome");
    }

    @Test
    void aStepCannotBeDatedInTheFuture() {
        assertThatThrownBy(() -> proposed().accept(TODAY.plusDays(1), "cdp-1", TODAY))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).rule()).isEqualTo("date-in-future");
    }

    @Test
    void aStepCannotPrecedeThePreviousOne() {
        assertThatThrownBy(() -> proposed().accept(TODAY.minusDays(11), "cdp-1", TODAY))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("date");
    }

    @Test
    void aProposalCannotBeDatedInTheFuture() {
        assertThatThrownBy(() -> Referral.propose("r", "lyon", "PSN-1", partner(), PartnerDomain.HOUSING,
                TODAY.plusDays(1), "cdp-1", TODAY))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("proposedOn");
    }

    @Test
    void pendingMeansProposedOrAccepted() {
        assertThat(Stream.of(ReferralStatus.values()).filter(ReferralStatus::pending))
                .containsExactly(ReferralStatus.PROPOSED, ReferralStatus.ACCEPTED);
    }

    @Test
    void eachStatusNamesItsEvent() {
        assertThat(Stream.of(ReferralStatus.values()).map(ReferralStatus::eventType)).containsExactly(
                "ReferralProposed", "ReferralAccepted", "ReferralDeclined", "ReferralCompleted", "ReferralCancelled");
    }
}
