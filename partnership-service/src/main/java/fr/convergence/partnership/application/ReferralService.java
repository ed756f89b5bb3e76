package fr.convergence.partnership.application;

import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.web.Correlation;
import fr.convergence.partnership.domain.DomainMapping;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.kit.problem.RuleViolation;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.partnership.publishing.PartnershipContract;
import fr.convergence.partnership.publishing.PartnershipOutbox;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.partnership.store.PartnerStore;
import fr.convergence.partnership.store.ReferralStore;
import fr.convergence.partnership.store.Versioned;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Runs referral commands: load, let the domain decide, write state + event in one update, drain the outbox. */
public class ReferralService {

    private static final int ATTEMPTS = 3;

    private final ServedTerritories served;
    private final ReferralStore referrals;
    private final PartnerStore partners;
    private final ParticipantStore participants;
    private final PartnershipContract contract;
    private final PartnershipOutbox outbox;
    private final DomainMapping mapping;
    private final Set<String> outcomeCodes;
    private final Clock clock;

    public ReferralService(ServedTerritories served, ReferralStore referrals, PartnerStore partners, ParticipantStore participants,
                           PartnershipContract contract, PartnershipOutbox outbox, DomainMapping mapping,
                           Set<String> outcomeCodes, Clock clock) {
        this.served = served;
        this.referrals = referrals;
        this.partners = partners;
        this.participants = participants;
        this.contract = contract;
        this.outbox = outbox;
        this.mapping = mapping;
        this.outcomeCodes = Set.copyOf(outcomeCodes);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Set<String> outcomeCodes() {
        return outcomeCodes;
    }

    /** A referral in {@code territory} (one this instance serves): the partner must be of that territory. */
    public Referral propose(String territory, String participantId, String partnerId, String domainName,
                            LocalDate proposedOn, String by) {
        PartnerDomain domain = mapping.resolve(domainName).orElseThrow(() -> new RuleViolation("unknown-domain", "domain",
                "domain " + domainName + " is neither a partner domain nor a mapped barrier domain"));
        Partner partner = partners.load(partnerId).map(Versioned::value)
                .filter(p -> p.territory().equals(territory))
                .orElseThrow(() -> new RuleViolation("unknown-partner", "partnerId", "partner " + partnerId
                        + " is not a partner of " + territory));
        LocalDate on = proposedOn == null ? today() : proposedOn;
        participants.find(territory, participantId).filter(p -> p.exitedOn() != null).ifPresent(p -> {
            throw new RuleViolation("participant-exited", "participantId",
                    "participant " + participantId + " left the pathway on " + p.exitedOn());
        });
        Referral referral = Referral.propose(UUID.randomUUID().toString(), territory, participantId, partner, domain,
                on, by, today());
        referrals.insert(referral, List.of(contract.referralEvent(referral, by, Correlation.current())));
        committed(referral.id());
        return referral;
    }

    public Referral accept(String id, LocalDate on, String by) {
        return transition(id, by, r -> r.accept(dateOr(on), by, today()));
    }

    public Referral decline(String id, LocalDate on, String reason, String by) {
        return transition(id, by, r -> r.decline(dateOr(on), by, reason, today()));
    }

    public Referral complete(String id, LocalDate on, String outcome, String by) {
        return transition(id, by, r -> r.complete(dateOr(on), by, outcome, outcomeCodes, today()));
    }

    public Referral cancel(String id, LocalDate on, String reason, String by) {
        return transition(id, by, r -> r.cancel(dateOr(on), by, reason, today()));
    }

    /** Cancels a still-pending referral because the participant left; does nothing to a closed one (idempotent). */
    public Optional<Referral> cancelForExit(String id, LocalDate exitedOn, String by) {
        Optional<Versioned<Referral>> current = referrals.load(id);
        if (current.isEmpty() || !current.get().value().status().pending()) {
            return Optional.empty();
        }
        return Optional.of(transition(id, by, r -> {
            LocalDate on = exitedOn.isBefore(r.lastStepOn()) ? r.lastStepOn() : exitedOn;
            LocalDate today = on.isAfter(today()) ? on : today();
            return r.status().pending() ? r.cancel(on, by, "PARTICIPANT_EXITED", today) : r;
        }));
    }

    /** A partner's referrals as stored (one exact read), in no particular order. */
    public List<org.bson.Document> ofPartner(String partnerId) {
        return referrals.ofPartner(partnerId);
    }

    /** The summaries of a participant's referrals kept with the participant, in no particular order; none if unknown. */
    public List<org.bson.Document> ofParticipant(String territory, String participantId) {
        return participants.find(territory, participantId).map(ParticipantStore.ParticipantState::referrals)
                .orElse(List.of());
    }

    public Referral get(String id) {
        return referrals.load(id).map(Versioned::value).filter(r -> served.serves(r.territory()))
                .orElseThrow(() -> new NotFound("referral", id));
    }

    private Referral transition(String id, String by, Function<Referral, Referral> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned<Referral> current = referrals.load(id).filter(v -> served.serves(v.value().territory()))
                    .orElseThrow(() -> new NotFound("referral", id));
            Referral next = change.apply(current.value());
            if (next == current.value()) {
                return next;
            }
            if (referrals.update(next, current.version(), List.of(contract.referralEvent(next, by, Correlation.current())))) {
                committed(id);
                return next;
            }
        }
        throw new StateConflict("concurrent-update", "referral " + id + " changed concurrently; reload and retry");
    }

    private void committed(String id) {
        Optional.ofNullable(referrals.outboxCollection().load(id)).ifPresent(referrals::syncIndexes);
        outbox.schedule("referrals", id);
    }

    private LocalDate dateOr(LocalDate on) {
        return on == null ? today() : on;
    }
}
