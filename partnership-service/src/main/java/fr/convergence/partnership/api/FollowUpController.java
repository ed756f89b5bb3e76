package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.partnership.application.FollowUpService;
import fr.convergence.partnership.domain.FollowUpGroup;
import fr.convergence.partnership.domain.FollowUpRole;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * The concerted follow-up group of a participant: CIP referent, outside social workers, chargé de partenariat.
 * Read and run by the participant's CIP (own ACI) and the territory's partnership officers and coordinator; a
 * participant the caller does not see is answered 404, and so is a member added or ended for a participant the
 * territory never heard of (no pathway event, no referral): a mistyped id creates nothing.
 */
@RestController
@RequestMapping("/api/partnerships/participants/{participantId}/follow-up-group")
class FollowUpController {

    private static final String FOLLOW_UP_ROLES = "hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR')";

    private final FollowUpService groups;
    private final TerritoryAccess access;

    FollowUpController(FollowUpService groups, TerritoryAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize(FOLLOW_UP_ROLES)
    FollowUpGroup get(@PathVariable String participantId, Caller caller) {
        return groups.get(access.participant(caller, participantId), participantId);
    }

    /**
     * A member as a write answers it: without name and organisation. A write's answer may be kept to replay it
     * ({@code Idempotency-Key}, service-kit's {@code idempotency_keys}, in clear for days), and this text is kept
     * sealed only, so that the person's erasure removes it (issue 21 finding 8). {@code GET} shows the names.
     */
    record MemberAnswer(String memberId, FollowUpRole role, LocalDate startsOn, LocalDate endsOn) {
        static MemberAnswer of(FollowUpGroup.Member m) {
            return new MemberAnswer(m.memberId(), m.role(), m.startsOn(), m.endsOn());
        }
    }

    /** The group as a write answers it: roles and dates (see {@link MemberAnswer}). */
    record GroupAnswer(String territory, String participantId, List<MemberAnswer> members, boolean erased) {
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(FOLLOW_UP_ROLES)
    MemberAnswer join(@PathVariable String participantId, @Valid @RequestBody Requests.JoinGroup body,
                      Caller caller) {
        String territory = access.knownParticipant(caller, participantId);
        return MemberAnswer.of(groups.join(territory, participantId, body.role(), body.name(), body.organisation(),
                body.startsOn()));
    }

    @PostMapping("/members/{memberId}/end")
    @PreAuthorize(FOLLOW_UP_ROLES)
    GroupAnswer leave(@PathVariable String participantId, @PathVariable String memberId,
                      @Valid @RequestBody Requests.LeaveGroup body, Caller caller) {
        String territory = access.knownParticipant(caller, participantId);
        FollowUpGroup group = groups.leave(territory, participantId, memberId, body.endsOn());
        return new GroupAnswer(group.territory(), group.participantId(),
                group.members().stream().map(MemberAnswer::of).toList(), group.erased());
    }
}
