package fr.convergence.partnership.domain;

import fr.convergence.kit.problem.StateConflict;

import fr.convergence.kit.problem.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The concerted follow-up group of one participant (pseudonymous id): professionals with a role, a start and an end.
 * Members are professional contacts; nothing here names the participant, but who follows a person (a probation
 * officer, an addiction clinic) says much about them: names and organisations are sealed in the store and go with
 * the person's erasure. An erased person's group keeps roles and dates, no names, and takes no new member.
 * One CIP referent at a time.
 */
public record FollowUpGroup(String territory, String participantId, List<Member> members, boolean erased) {

    public record Member(String memberId, FollowUpRole role, String name, String organisation, LocalDate startsOn,
                         LocalDate endsOn) {

        public boolean activeOn(LocalDate date) {
            return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn));
        }
    }

    public FollowUpGroup {
        members = List.copyOf(members);
    }

    public FollowUpGroup join(String memberId, FollowUpRole role, String name, String organisation, LocalDate startsOn,
                              LocalDate today) {
        if (erased) {
            throw new StateConflict("participant-erased", "the participant was erased: their follow-up group takes no new member");
        }
        Dates.notInFuture(startsOn, today, "startsOn");
        if (role == FollowUpRole.CIP && members.stream().anyMatch(m -> m.role() == FollowUpRole.CIP
                && (m.endsOn() == null || !m.endsOn().isBefore(startsOn)))) {
            throw new RuleViolation("one-referent-at-a-time", "role",
                    "the participant already has a CIP referent on " + startsOn + "; end it first");
        }
        List<Member> next = new ArrayList<>(members);
        next.add(new Member(memberId, role, name, organisation, startsOn, null));
        return new FollowUpGroup(territory, participantId, next, erased);
    }

    public FollowUpGroup leave(String memberId, LocalDate endsOn, LocalDate today) {
        Member member = members.stream().filter(m -> m.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new NotFound("member", memberId));
        if (member.endsOn() != null) {
            throw new StateConflict("member-already-left", "member " + memberId + " left on " + member.endsOn());
        }
        Dates.notInFuture(endsOn, today, "endsOn");
        Dates.notBefore(endsOn, member.startsOn(), "endsOn", "member-start");
        List<Member> next = members.stream().map(m -> m.memberId().equals(memberId)
                ? new Member(m.memberId(), m.role(), m.name(), m.organisation(), m.startsOn(), endsOn) : m).toList();
        return new FollowUpGroup(territory, participantId, next, erased);
    }
}
