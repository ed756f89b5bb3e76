package fr.convergence.partnership.api;

import fr.convergence.partnership.application.PartnerService;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.domain.Agreement;
import fr.convergence.partnership.domain.Contact;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.kit.security.Caller;
import jakarta.validation.Valid;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The territory's partner network: partners, contacts, agreements, chargés de partenariat. Only the territory's
 * coordinator manages it; the territory's staff and the national roles read it.
 */
@RestController
@RequestMapping("/api/partnerships")
class PartnersController {

    private final PartnerService partners;
    private static final String MANAGERS = "hasRole('COORDINATOR')";
    private static final String READERS =
            "hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR')";
    static final String EVERY_ROLE =
            "hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')";

    private final ReferralService referrals;
    private final TerritoryAccess access;

    PartnersController(PartnerService partners, ReferralService referrals, TerritoryAccess access) {
        this.partners = partners;
        this.referrals = referrals;
        this.access = access;
    }

    /** A partner in the network listing: whether an agreement covers each of its domains today. */
    record NetworkEntry(String partnerId, String name, List<PartnerDomain> domains, List<PartnerDomain> inAgreement) {
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGERS)
    Partner register(@Valid @RequestBody Requests.PartnerBody body, Caller caller) {
        String territory = access.write(caller, body.territory());
        return partners.register(territory, body.name(), body.domains(), contacts(body), caller.userId());
    }

    @GetMapping("/partners/{partnerId}")
    @PreAuthorize(READERS)
    Partner get(@PathVariable String partnerId, Caller caller) {
        return visible(partnerId, caller);
    }

    @PutMapping("/partners/{partnerId}")
    @PreAuthorize(MANAGERS)
    Partner change(@PathVariable String partnerId, @Valid @RequestBody Requests.PartnerBody body, Caller caller) {
        visible(partnerId, caller);
        if (body.territory() != null) {   // only managers of the partner's own territory get here
            access.write(caller, body.territory());
        }
        return partners.change(partnerId, body.name(), body.domains(), contacts(body), caller.userId());
    }

    @PostMapping("/partners/{partnerId}/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGERS)
    Agreement sign(@PathVariable String partnerId, @Valid @RequestBody Requests.AgreementBody body, Caller caller) {
        visible(partnerId, caller);
        return partners.sign(partnerId, body.startsOn(), body.endsOn(), body.scope(), caller.userId());
    }

    @PostMapping("/partners/{partnerId}/agreements/{agreementId}/end")
    @PreAuthorize(MANAGERS)
    Agreement end(@PathVariable String partnerId, @PathVariable String agreementId,
                  @Valid @RequestBody Requests.EndAgreement body, Caller caller) {
        visible(partnerId, caller);
        return partners.end(partnerId, agreementId, body.endedOn(), caller.userId());
    }

    /** The network, optionally for one domain, by name, paged. */
    @GetMapping("/partners")
    @PreAuthorize(READERS)
    Page<NetworkEntry> list(@RequestParam(required = false) PartnerDomain domain,
                            @RequestParam(required = false) String territory,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                            Caller caller) {
        String scope = access.list(caller, territory);
        LocalDate today = partners.today();
        List<NetworkEntry> entries = partners.network(scope).stream()
                .filter(p -> domain == null || p.domains().contains(domain))
                .sorted(Comparator.comparing(Partner::name, String.CASE_INSENSITIVE_ORDER))
                .map(p -> entry(p, today)).toList();
        return Page.of(entries, page, size);
    }

    /** The network by domain: for each partner domain, the partners covering it (one exact read). */
    @GetMapping("/network")
    @PreAuthorize(READERS)
    Map<PartnerDomain, List<NetworkEntry>> network(@RequestParam(required = false) String territory, Caller caller) {
        String scope = access.list(caller, territory);
        LocalDate today = partners.today();
        Map<PartnerDomain, List<NetworkEntry>> byDomain = new EnumMap<>(PartnerDomain.class);
        List<Partner> all = partners.network(scope).stream()
                .sorted(Comparator.comparing(Partner::name, String.CASE_INSENSITIVE_ORDER)).toList();
        for (PartnerDomain d : PartnerDomain.values()) {
            byDomain.put(d, all.stream().filter(p -> p.domains().contains(d)).map(p -> entry(p, today)).toList());
        }
        return byDomain;
    }

    /** A partner's referrals, newest first, optionally by status, paged (one exact read). */
    @GetMapping("/partners/{partnerId}/referrals")
    @PreAuthorize("hasAnyRole('PARTNERSHIP_OFFICER','COORDINATOR')")
    Page<Document> referrals(@PathVariable String partnerId, @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             Caller caller) {
        visible(partnerId, caller);
        List<Document> list = referrals.ofPartner(partnerId).stream()
                .filter(r -> status == null || status.equals(r.getString("status")))
                .sorted(Comparator.comparing((Document r) -> r.getString("proposedOn")).reversed()
                        .thenComparing(r -> r.getString("referralId")))
                .toList();
        return Page.of(list, page, size);
    }

    /**
     * The territories this instance serves ({@code territory}: its home one), so that a client behind the gateway
     * can check before writing: partners and referrals of another territory cannot be recorded here.
     */
    @GetMapping("/territory")
    @PreAuthorize(EVERY_ROLE)
    Map<String, Object> territory() {
        return Map.of("territory", access.served().home(), "territories", List.copyOf(access.served().all()));
    }

    @PostMapping("/officers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGERS)
    Document officer(@Valid @RequestBody Requests.OfficerBody body, Caller caller) {
        String territory = access.write(caller, body.territory());
        partners.saveOfficer(territory, body.officerId(), body.name(), body.email());
        return new Document("officerId", body.officerId()).append("name", body.name()).append("email", body.email())
                .append("territory", territory);
    }

    /** Chargés de partenariat of the territory: they serve all its ACI. */
    @GetMapping("/officers")
    @PreAuthorize(MANAGERS)
    List<Document> officers(@RequestParam(required = false) String territory, Caller caller) {
        return partners.officers(access.list(caller, territory));
    }

    /** The partner, if the caller sees it: same answer (404) for one of another territory as for none. */
    private Partner visible(String partnerId, Caller caller) {
        Partner partner = partners.get(partnerId);
        access.object(caller, "partner", partnerId, partner.territory());
        return partner;
    }

    private static NetworkEntry entry(Partner p, LocalDate today) {
        return new NetworkEntry(p.id(), p.name(), p.domains().stream().sorted().toList(),
                p.domains().stream().filter(d -> p.inAgreementFor(d, today)).sorted().toList());
    }

    private static List<Contact> contacts(Requests.PartnerBody body) {
        return body.contacts() == null ? List.of() : body.contacts().stream()
                .map(c -> new Contact(c.name(), c.role(), c.email(), c.phone())).toList();
    }
}
