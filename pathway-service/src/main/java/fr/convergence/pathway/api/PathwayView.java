package fr.convergence.pathway.api;

import fr.convergence.pathway.domain.BarrierDomain;
import fr.convergence.pathway.domain.ExitCategory;
import fr.convergence.pathway.domain.HousingSituation;
import fr.convergence.pathway.domain.ProgrammeRules;
import fr.convergence.pathway.domain.PathwayState;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.Programme;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pathway's current (or as-of) state as the API shows it. Pseudonymous: no name ever lives here. Maps keep a
 * stable order (barrier domain, month) so that the same state always renders the same JSON.
 *
 * <p>The national team reads this view too, so it holds no text typed by staff: {@code exitReason} is a code of the
 * exit-reason table (checked by the aggregate), and the free-form codes staff type — extension decision references,
 * training ids — stay in the events, which only auditors read. Add such a field here and the national view leaks it.
 */
public record PathwayView(String pathwayId, String participantId, String territory, String aciId,
                          Programme programme, PathwayStatus status, LocalDate startedOn, LocalDate cvgSince,
                          LocalDate plannedEnd, double weeklyHours, int extensions, int monthsInPathway,
                          Map<BarrierDomain, PathwayState.OpenBarrier> openBarriers, boolean durableHousing,
                          int rightsOpened, int trainingsCompleted, Map<String, Double> monthlyHours,
                          LocalDate exitedOn, String exitReason, ExitCategory exitCategory,
                          LocalDate followUpStartedOn, LocalDate followUpEndedOn, long version,
                          PathwayState.EntryProfile entryProfile, HousingSituation housingSituation,
                          PathwayState.Accompaniments accompaniments, List<PathwayState.FollowUpContact> followUpContacts,
                          List<Due> followUpDue, HousingSituation housingAtExit, LocalDate exitCancellableUntil) {

    /** An expected follow-up contact not recorded yet, and the day it is due. */
    public record Due(int milestoneMonths, LocalDate dueOn) {
    }

    public static PathwayView of(PathwayState s, LocalDate asOf, long version, ProgrammeRules rules) {
        return new PathwayView(s.pathwayId(), s.participantId(), s.territory(), s.aciId(), s.programme(), s.status(),
                s.startedOn(), s.cvgSince(), s.plannedEnd(), s.weeklyHours(), s.extensions(),
                s.monthsInPathway(asOf), Collections.unmodifiableMap(new TreeMap<>(s.openBarriers())), s.durableHousing(), s.rightsOpened(),
                s.trainingsCompleted(), Collections.unmodifiableMap(new TreeMap<>(s.monthlyHours())), s.exitedOn(), s.exitReason(),
                s.exitCategory(), s.followUpStartedOn(), s.followUpEndedOn(), version, s.entryProfile(),
                s.housingSituation(), s.accompaniments(), s.followUpContacts(), FollowUpDue.of(s.status(), s.exitCategory(), s.exitedOn(),
                        s.followUpContacts().stream().map(PathwayState.FollowUpContact::milestoneMonths)
                                .collect(java.util.stream.Collectors.toSet()), asOf, rules), s.housingAtExit(),
                exitCancellableUntil(s, asOf, rules));
    }

    /** Until when a coordinator may still cancel the exit; null when it cannot be (no exit, follow-up begun, too late). */
    private static LocalDate exitCancellableUntil(PathwayState s, LocalDate today, ProgrammeRules rules) {
        if (s.status() != PathwayStatus.EXITED || !s.followUpContacts().isEmpty()) {
            return null;
        }
        LocalDate until = s.exitedOn().plusDays(rules.exitCancelWindowDays());
        return today.isAfter(until) ? null : until;
    }
}
