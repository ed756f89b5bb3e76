package fr.convergence.partnership.api;

import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.kit.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** Referrals (orientations) of participants to partners, and their lifecycle. */
@RestController
@RequestMapping("/api/partnerships")
class ReferralsController {

    private final ReferralService referrals;
    private final ParticipantStore participants;
    private final CurrentUser user;
    private final String territory;
    private final fr.convergence.partnership.domain.DomainMapping mapping;

    ReferralsController(ReferralService referrals, ParticipantStore participants, CurrentUser user,
                        PlatformProperties platform,
                        fr.convergence.partnership.domain.DomainMapping mapping) {
        this.mapping = mapping;
        this.referrals = referrals;
        this.participants = participants;
        this.user = user;
        this.territory = platform.territory();
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Referral propose(@Valid @RequestBody Requests.ProposeReferral body, HttpServletRequest request) {
        return referrals.propose(body.participantId(), body.partnerId(), body.domain(), body.proposedOn(),
                user.id(request));
    }

    @GetMapping("/referrals/{referralId}")
    Referral get(@PathVariable String referralId) {
        return referrals.get(referralId);
    }

    @PostMapping("/referrals/{referralId}/accept")
    Referral accept(@PathVariable String referralId, @Valid @RequestBody(required = false) Requests.Step body,
                    HttpServletRequest request) {
        return referrals.accept(referralId, body == null ? null : body.date(), user.id(request));
    }

    @PostMapping("/referrals/{referralId}/decline")
    Referral decline(@PathVariable String referralId, @Valid @RequestBody(required = false) Requests.Decline body,
                     HttpServletRequest request) {
        return referrals.decline(referralId, body == null ? null : body.date(), body == null ? null : body.reason(),
                user.id(request));
    }

    @PostMapping("/referrals/{referralId}/complete")
    Referral complete(@PathVariable String referralId, @Valid @RequestBody Requests.Complete body,
                      HttpServletRequest request) {
        return referrals.complete(referralId, body.date(), body.outcome(), user.id(request));
    }

    @PostMapping("/referrals/{referralId}/cancel")
    Referral cancel(@PathVariable String referralId, @Valid @RequestBody(required = false) Requests.Cancel body,
                    HttpServletRequest request) {
        return referrals.cancel(referralId, body == null ? null : body.date(), body == null ? null : body.reason(),
                user.id(request));
    }

    /** A participant's referrals (pseudonymous id), newest first. */
    @GetMapping("/participants/{participantId}/referrals")
    List<Document> ofParticipant(@PathVariable String participantId) {
        return participants.find(territory, participantId).map(p -> p.referrals().stream()
                .sorted(Comparator.comparing((Document r) -> r.getString("proposedOn")).reversed()).toList())
                .orElse(List.of());
    }

    /** The barrier → partner domain table (partnership-reference.yml), for clients that pick a partner. */
    @GetMapping("/barrier-domains")
    java.util.Map<String, fr.convergence.partnership.domain.PartnerDomain> barrierDomains() {
        return new java.util.TreeMap<>(mapping.table());
    }

    @GetMapping("/referral-outcomes")
    List<String> outcomes() {
        return referrals.outcomeCodes().stream().sorted().toList();
    }
}
