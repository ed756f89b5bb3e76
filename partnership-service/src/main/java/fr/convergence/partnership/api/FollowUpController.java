package fr.convergence.partnership.api;

import fr.convergence.partnership.application.FollowUpService;
import fr.convergence.partnership.domain.FollowUpGroup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The concerted follow-up group of a participant: CIP referent, outside social workers, chargé de partenariat. */
@RestController
@RequestMapping("/api/partnerships/participants/{participantId}/follow-up-group")
class FollowUpController {

    private final FollowUpService groups;
    private final CurrentUser user;

    FollowUpController(FollowUpService groups, CurrentUser user) {
        this.groups = groups;
        this.user = user;
    }

    @GetMapping
    FollowUpGroup get(@PathVariable String participantId) {
        return groups.get(participantId);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpGroup.Member join(@PathVariable String participantId, @Valid @RequestBody Requests.JoinGroup body,
                              HttpServletRequest request) {
        user.id(request);
        return groups.join(participantId, body.role(), body.name(), body.organisation(), body.startsOn());
    }

    @PostMapping("/members/{memberId}/end")
    FollowUpGroup leave(@PathVariable String participantId, @PathVariable String memberId,
                        @Valid @RequestBody(required = false) Requests.LeaveGroup body, HttpServletRequest request) {
        user.id(request);
        return groups.leave(participantId, memberId, body == null ? null : body.endsOn());
    }
}
