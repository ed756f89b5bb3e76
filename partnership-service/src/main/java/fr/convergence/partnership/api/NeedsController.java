package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.partnership.application.ParticipantNeeds;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.domain.PartnerDomain;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.bson.Document;

import java.time.Clock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The territory's work queue of open needs (from pathway barriers handled by partners): the partnership officers'
 * and coordinator's; national analysts get the counts only. A participant's needs: their CIP (own ACI) too.
 */
@RestController
@RequestMapping("/api/partnerships")
class NeedsController {

    private final ParticipantNeeds needs;
    private final ReferralService referrals;
    private final TerritoryAccess access;
    private final Clock clock;

    NeedsController(ParticipantNeeds needs, ReferralService referrals, TerritoryAccess access, Clock clock) {
        this.needs = needs;
        this.referrals = referrals;
        this.access = access;
        this.clock = clock;
    }

    /** An open need of the queue; aciId and assessedBy (whom to call) are null for needs queued before they were kept. */
    record OpenNeed(String participantId, String barrierDomain, PartnerDomain partnerDomain, String intensity,
                    String handling, LocalDate openedOn, LocalDate updatedOn, long daysOpen, String aciId,
                    String assessedBy) {
    }

    /** Open needs, oldest first, for one partner domain or all, at least {@code minDaysOpen} days old, paged. */
    @GetMapping("/needs")
    @PreAuthorize("hasAnyRole('PARTNERSHIP_OFFICER','COORDINATOR')")
    Page<OpenNeed> open(@RequestParam(required = false) PartnerDomain domain,
                        @RequestParam(defaultValue = "0") int minDaysOpen,
                        @RequestParam(required = false) String territory,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                        Caller caller) {
        String scope = access.list(caller, territory);
        if (minDaysOpen < 0) {
            throw ApiException.badRequest("minDaysOpen", "minDaysOpen must be >= 0");
        }
        List<OpenNeed> all = openNeeds(scope, domain == null ? List.of(PartnerDomain.values()) : List.of(domain)).stream()
                .filter(n -> n.daysOpen() >= minDaysOpen)
                .sorted(Comparator.comparing(OpenNeed::daysOpen).reversed()
                        .thenComparing(OpenNeed::participantId).thenComparing(OpenNeed::barrierDomain))
                .toList();
        return Page.of(all, page, size);
    }

    /** An open need of an ACI's person that no referral has answered yet (the CIP's caseload alert). */
    record WaitingNeed(String participantId, String barrierDomain, PartnerDomain partnerDomain, LocalDate openedOn,
                       long daysOpen) {
    }

    /**
     * Open needs of one ACI's people open for at least {@code minDaysOpen} days (required: how long is too long is
     * the caller's alert rule, kept in one place there, not a default here) with no referral proposed in their
     * partner domain since they opened (a declined or cancelled one does not count): the CIP's alert "a barrier
     * still without a referral", for her own ACI only (another ACI is 403); the territory's officers and
     * coordinator may ask for any ACI of it (a portfolio: of any of its territories served here, all looked at). One
     * read per partner domain's queue (per territory), then one per person concerned.
     */
    @GetMapping("/needs/waiting")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR')")
    List<WaitingNeed> waiting(@RequestParam String aciId, @RequestParam int minDaysOpen,
                              Caller caller) {
        if (!aciId.matches("[a-z0-9-]{2,64}")) {
            throw ApiException.badRequest("aciId", "aciId must be an ACI id such as aci-paris-1");
        }
        if (minDaysOpen < 0 || minDaysOpen > 3650) {
            throw ApiException.badRequest("minDaysOpen", "minDaysOpen must be between 0 and 3650");
        }
        if (caller.aciStaff() && !aciId.equals(caller.aciId())) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "territory-not-yours", "aciId",
                    "ACI staff see the needs of their own ACI only");
        }
        // the ACI lies in one of the caller's territories: a portfolio's are all looked at (the others hold none of it)
        Map<String, List<Document>> referralsOf = new java.util.HashMap<>();
        List<WaitingNeed> waiting = new ArrayList<>();
        for (String territory : access.readable(caller)) {
            List<OpenNeed> longOpen = openNeeds(territory, List.of(PartnerDomain.values())).stream()
                    .filter(n -> aciId.equals(n.aciId()) && n.daysOpen() >= minDaysOpen).toList();
            waiting.addAll(unanswered(territory, longOpen, referralsOf));
        }
        waiting.sort(Comparator.comparing(WaitingNeed::daysOpen).reversed().thenComparing(WaitingNeed::participantId));
        return waiting;
    }

    /** The needs no referral of their partner domain answered since they opened. */
    private List<WaitingNeed> unanswered(String territory, List<OpenNeed> longOpen,
                                         Map<String, List<Document>> referralsOf) {
        List<WaitingNeed> waiting = new ArrayList<>();
        for (OpenNeed n : longOpen) {
            List<Document> referred = referralsOf.computeIfAbsent(n.participantId(),
                    id -> referrals.ofParticipant(territory, id));
            boolean answered = referred.stream().anyMatch(r -> n.partnerDomain().name().equals(r.getString("domain"))
                    && !"DECLINED".equals(r.getString("status")) && !"CANCELLED".equals(r.getString("status"))
                    && r.getString("proposedOn") != null && !LocalDate.parse(r.getString("proposedOn")).isBefore(n.openedOn()));
            if (!answered) {
                waiting.add(new WaitingNeed(n.participantId(), n.barrierDomain(), n.partnerDomain(), n.openedOn(),
                        n.daysOpen()));
            }
        }
        return waiting;
    }

    /** Open needs counted by partner domain and age band (days open). */
    @GetMapping("/needs/summary")
    @PreAuthorize("hasAnyRole('PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST')")
    Map<PartnerDomain, Map<String, Integer>> summary(@RequestParam(required = false) String territory, Caller caller) {
        String scope = access.list(caller, territory);
        Map<PartnerDomain, Map<String, Integer>> result = new EnumMap<>(PartnerDomain.class);
        for (PartnerDomain d : PartnerDomain.values()) {
            Map<String, Integer> bands = new LinkedHashMap<>();
            bands.put("0-7", 0);
            bands.put("8-30", 0);
            bands.put("31-90", 0);
            bands.put("91+", 0);
            for (OpenNeed n : openNeeds(scope, List.of(d))) {
                long days = n.daysOpen();
                String band = days <= 7 ? "0-7" : days <= 30 ? "8-30" : days <= 90 ? "31-90" : "91+";
                bands.merge(band, 1, Integer::sum);
            }
            result.put(d, bands);
        }
        return result;
    }

    /** One participant's needs, open and closed (pseudonymous id). */
    @GetMapping("/participants/{participantId}/needs")
    @PreAuthorize("hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR')")
    Map<String, Object> ofParticipant(@PathVariable String participantId, Caller caller) {
        String territory = access.participant(caller, participantId);
        return needs.of(territory, participantId);
    }

    private List<OpenNeed> openNeeds(String territory, List<PartnerDomain> domains) {
        LocalDate today = LocalDate.now(clock);
        List<OpenNeed> all = new ArrayList<>();
        for (PartnerDomain d : domains) {
            needs.openNeeds(territory, d).forEach(e -> {
                LocalDate opened = LocalDate.parse(e.getString("openedOn"));
                all.add(new OpenNeed(e.getString("participantId"), e.getString("barrierDomain"), d,
                        e.getString("intensity"), e.getString("handling"), opened,
                        LocalDate.parse(e.getString("updatedOn")), Math.max(0, ChronoUnit.DAYS.between(opened, today)),
                        e.getString("aciId"), e.getString("assessedBy")));
            });
        }
        return all;
    }
}
