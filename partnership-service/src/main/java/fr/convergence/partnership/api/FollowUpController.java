package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.partnership.application.FollowUpService;
import fr.convergence.partnership.domain.FollowUpGroup;
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

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(FOLLOW_UP_ROLES)
    FollowUpGroup.Member join(@PathVariable String participantId, @Valid @RequestBody Requests.JoinGroup body,
                              Caller caller) {
        String territory = access.knownParticipant(caller, participantId);
        return groups.join(territory, participantId, body.role(), body.name(), body.organisation(), body.startsOn());
    }

    @PostMapping("/members/{memberId}/end")
    @PreAuthorize(FOLLOW_UP_ROLES)
    FollowUpGroup leave(@PathVariable String participantId, @PathVariable String memberId,
                        @Valid @RequestBody Requests.LeaveGroup body, Caller caller) {
        String territory = access.knownParticipant(caller, participantId);
        return groups.leave(territory, participantId, memberId, body.endsOn());
    }
}
