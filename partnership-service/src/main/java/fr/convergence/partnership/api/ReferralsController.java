package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.domain.DomainMapping;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.domain.ReferralReasons;
import fr.convergence.kit.web.ApiException;
import jakarta.validation.Valid;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Referrals (orientations) of participants to partners, and their lifecycle. A CIP proposes, reads and cancels the
 * referrals of their own ACI's participants; the territory's partnership officers run every step; the coordinator
 * reads them and answers for partners (accept, decline, complete). A referral the caller does not see is 404.
 */
@RestController
@RequestMapping("/api/partnerships")
class ReferralsController {

    private static final String STEP_ROLES = "hasAnyRole('PARTNERSHIP_OFFICER','COORDINATOR')";

    private final ReferralService referrals;
    private final TerritoryAccess access;
    private final DomainMapping mapping;
    private final ReferralReasons reasons;

    ReferralsController(ReferralService referrals, TerritoryAccess access, DomainMapping mapping,
                        ReferralReasons reasons) {
        this.referrals = referrals;
        this.access = access;
        this.mapping = mapping;
        this.reasons = reasons;
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER')")
    Referral propose(@Valid @RequestBody Requests.ProposeReferral body, Caller caller) {
        String territory = access.write(caller, body.territory());
        access.participantInBody(caller, territory, body.participantId());
        return referrals.propose(territory, body.participantId(), body.partnerId(), body.domain(), body.proposedOn(),
                caller.userId());
    }

    @GetMapping("/referrals/{referralId}")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR')")
    Referral get(@PathVariable String referralId, Caller caller) {
        return visible(referralId, caller);
    }

    @PostMapping("/referrals/{referralId}/accept")
    @PreAuthorize(STEP_ROLES)
    Referral accept(@PathVariable String referralId, @Valid @RequestBody Requests.Step body,
                    Caller caller) {
        visible(referralId, caller);
        return referrals.accept(referralId, body.date(), caller.userId());
    }

    @PostMapping("/referrals/{referralId}/decline")
    @PreAuthorize(STEP_ROLES)
    Referral decline(@PathVariable String referralId, @Valid @RequestBody Requests.Decline body,
                     Caller caller) {
        visible(referralId, caller);
        return referrals.decline(referralId, body.date(), reason(ReferralReasons.Step.DECLINE, body.reason()),
                caller.userId());
    }

    @PostMapping("/referrals/{referralId}/complete")
    @PreAuthorize(STEP_ROLES)
    Referral complete(@PathVariable String referralId, @Valid @RequestBody Requests.Complete body, Caller caller) {
        visible(referralId, caller);
        return referrals.complete(referralId, body.date(), body.outcome(), caller.userId());
    }

    @PostMapping("/referrals/{referralId}/cancel")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER')")
    Referral cancel(@PathVariable String referralId, @Valid @RequestBody Requests.Cancel body,
                    Caller caller) {
        visible(referralId, caller);
        return referrals.cancel(referralId, body.date(), reason(ReferralReasons.Step.CANCEL, body.reason()),
                caller.userId());
    }

    /** A participant's referrals (pseudonymous id), newest first. */
    @GetMapping("/participants/{participantId}/referrals")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR')")
    List<Document> ofParticipant(@PathVariable String participantId, Caller caller) {
        String territory = access.participant(caller, participantId);
        return referrals.ofParticipant(territory, participantId).stream()
                .sorted(Comparator.comparing((Document r) -> r.getString("proposedOn")).reversed()).toList();
    }

    /** The barrier → partner domain table (partnership-reference.yml), for clients that pick a partner. */
    @GetMapping("/barrier-domains")
    @PreAuthorize(PartnersController.EVERY_ROLE)
    Map<String, PartnerDomain> barrierDomains() {
        return new TreeMap<>(mapping.table());
    }

    @GetMapping("/referral-outcomes")
    @PreAuthorize(PartnersController.EVERY_ROLE)
    List<String> outcomes() {
        return referrals.outcomeCodes().stream().sorted().toList();
    }

    /** The reason codes callers may give when declining or cancelling, with their French labels (reference data). */
    @GetMapping("/referral-reasons")
    @PreAuthorize(PartnersController.EVERY_ROLE)
    Map<String, List<Map<String, String>>> reasons() {
        Map<String, List<Map<String, String>>> byStep = new java.util.LinkedHashMap<>();
        for (ReferralReasons.Step step : ReferralReasons.Step.values()) {
            byStep.put(step.name().toLowerCase(java.util.Locale.ROOT), reasons.all().stream()
                    .filter(r -> r.steps().contains(step))
                    .map(r -> Map.of("code", r.code(), "label", r.label())).toList());
        }
        return byStep;
    }

    /**
     * A reason is a code of the table offered for the step, or absent. Free text is refused (400, rule
     * {@code unknown-reason}, field {@code reason}): it would be published on Kafka, where it could never be erased.
     */
    private String reason(ReferralReasons.Step step, String reason) {
        if (reason == null || reasons.offered(step, reason)) {
            return reason;
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-reason", "reason", "reason must be one of "
                + reasons.codesFor(step) + " (a code, not text)");
    }

    /** The referral, if the caller sees it: same answer (404) for one of another territory or ACI as for none. */
    private Referral visible(String referralId, Caller caller) {
        Referral referral = referrals.get(referralId);
        access.object(caller, "referral", referralId, referral.territory());
        if (!access.seesParticipant(caller, referral.territory(), referral.participantId())) {
            throw new NotFound("referral", referralId);
        }
        return referral;
    }
}
