package fr.convergence.partnership.consuming;

import fr.convergence.contracts.Topics;
import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.web.Correlation;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.domain.DomainMapping;
import fr.convergence.partnership.domain.Need;
import fr.convergence.partnership.domain.NeedStatus;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.ReferralStatus;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.partnership.store.ParticipantStore.ParticipantState;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies one pathway event to its territory's needs and referrals.
 * <ul>
 *   <li>Only events of a territory this instance serves (topic AND envelope) change anything: a record of another
 *   territory's topic, or whose envelope names another territory than its topic, is poison
 *   ({@code territory-mismatch}). The event then changes its own territory's data only.</li>
 *   <li>Every event of the territory records the participant's ACI, which decides what ACI staff may see.</li>
 *   <li>Idempotent: the participant document records the applied event ids, written in the same conditional update
 *   as the needs; a redelivered event finds its id and changes nothing. Each need also remembers the pathway
 *   sequence that last changed it, so an older event (a retried dead letter) never overrides a newer one.</li>
 *   <li>Exit cancels pending referrals first (each cancel is a state transition, so repeating it does nothing) and
 *   records the event last: a crash in between is repaired by the redelivery.</li>
 * </ul>
 */
public class PathwayEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PathwayEventHandler.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_./-]{1,64}");
    private static final Set<String> HANDLINGS = Set.of("INTERNAL", "PARTNER", "BOTH");
    private static final int ATTEMPTS = 5;
    public static final String SYSTEM_ACTOR = "partnership-service";

    public enum Outcome { APPLIED, DUPLICATE, IGNORED_TYPE }

    private final ServedTerritories served;
    private final ParticipantStore participants;
    private final ReferralService referrals;
    private final DomainMapping mapping;
    private final ParticipantEventHandler participantEvents;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public PathwayEventHandler(ServedTerritories served, ParticipantStore participants, ReferralService referrals,
                               DomainMapping mapping, ParticipantEventHandler participantEvents) {
        this.served = served;
        this.participantEvents = participantEvents;
        this.participants = participants;
        this.referrals = referrals;
        this.mapping = mapping;
    }

    public Outcome handle(String topic, String value) {
        String topicTerritory;
        try {
            topicTerritory = Topics.territoryOf(topic);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent("not a pathway contract topic: " + topic);
        }
        // Only the served territories' topics are subscribed; a record of another one (a misrouted subscription, a
        // retried letter) must still never change any data here.
        if (!served.serves(topicTerritory)) {
            throw PoisonEvent.territoryMismatch("a record of " + topicTerritory + "'s topic reached the instance of "
                    + served.all());
        }
        if (topic.equals(Topics.participant(topicTerritory))) {
            return participantEvents.handle(topicTerritory, value);   // the same consumer reads the person's erasure
        }
        PathwayEventMessage event = parse(value);
        if (!topicTerritory.equals(event.territory())) {
            throw PoisonEvent.territoryMismatch("the topic of " + topicTerritory + " carries an event of "
                    + event.territory());
        }
        if (event.aciId() != null) {
            participants.recordAci(event.territory(), event.participantId(), event.aciId(), event.recordedAt());
        }
        String previous = org.slf4j.MDC.get(Correlation.MDC_KEY);
        Correlation.set(event.correlationId() == null ? Correlation.newId() : Correlation.sanitise(event.correlationId()));
        try {
            return switch (event.type()) {
                case "BarrierAssessed", "BarrierLifted", "ParticipantExited", "ParticipantHired", "ExitCancelled" ->
                        apply(event);
                case "PathwayTransferred" -> requeue(event);
                default -> Outcome.IGNORED_TYPE;
            };
        } finally {
            if (previous == null) {
                Correlation.clear();
            } else {
                Correlation.set(previous);
            }
        }
    }

    private PathwayEventMessage parse(String value) {
        if (value == null) {
            throw new PoisonEvent("empty record");
        }
        PathwayEventMessage e;
        try {
            e = json.readValue(value, PathwayEventMessage.class);
        } catch (JacksonException ex) {
            throw new PoisonEvent("unparseable: " + ex.getOriginalMessage(), ex);
        }
        if (e == null) {
            throw new PoisonEvent("empty record");
        }
        require(e.eventId(), "eventId");
        require(e.type(), "type");
        require(e.territory(), "territory");
        require(e.pathwayId(), "pathwayId");
        require(e.sequence(), "sequence");
        require(e.occurredOn(), "occurredOn");
        require(e.participantId(), "participantId");
        if (!CODE.matcher(e.participantId()).matches()) {
            throw new PoisonEvent("participantId is not a pseudonymous code");
        }
        if (e.aciId() != null && !CODE.matcher(e.aciId()).matches()) {
            throw new PoisonEvent("aciId is not a code");
        }
        return e;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new PoisonEvent("missing field " + field);
        }
    }

    private Outcome apply(PathwayEventMessage e) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ParticipantState state = participants.load(e.territory(), e.participantId());
            if (state.appliedEventIds().contains(e.eventId())) {
                participants.syncQueue(e.territory(), e.participantId(), aciOf(e, state), state.needs().values());
                return Outcome.DUPLICATE;
            }
            List<Need> changed = new ArrayList<>();
            java.time.LocalDate exitedOn = null;
            boolean clearExit = false;
            switch (e.type()) {
                case "BarrierAssessed" -> assessed(e, state).ifPresent(changed::add);
                case "BarrierLifted" -> lifted(e, state).ifPresent(changed::add);
                // a hiring into a NEW pathway re-opens referrals; a late copy of the exited pathway's hiring does not
                case "ParticipantHired" -> clearExit = state.exitedOn() != null
                        && !e.pathwayId().equals(state.exitedPathwayId());
                case "ParticipantExited" -> {
                    cancelPendingReferrals(e, state);
                    for (Need n : state.needs().values()) {
                        if (n.status() == NeedStatus.OPEN && n.isOlderThan(e.pathwayId(), e.sequence(), e.recordedAt())) {
                            changed.add(n.closed(e.occurredOn(), "PARTICIPANT_EXITED", e.pathwayId(), e.sequence(), e.recordedAt()));
                        }
                    }
                    exitedOn = e.occurredOn();
                }
                case "ExitCancelled" -> {
                    // the exit did not happen: the needs it closed are open again and referrals may be sent; the
                    // referrals it cancelled stay cancelled (their partners were told) and are proposed anew if needed
                    clearExit = e.pathwayId().equals(state.exitedPathwayId());
                    for (Need n : state.needs().values()) {
                        if (n.status() == NeedStatus.CLOSED && "PARTICIPANT_EXITED".equals(n.closeReason())
                                && e.pathwayId().equals(n.pathwayId()) && n.isOlderThan(e.pathwayId(), e.sequence(), e.recordedAt())) {
                            changed.add(n.reopened(e.occurredOn(), e.pathwayId(), e.sequence(), e.recordedAt()));
                        }
                    }
                }
                default -> throw new IllegalStateException(e.type());
            }
            if (participants.apply(state, changed, e.eventId(), exitedOn, e.pathwayId(), clearExit)) {
                participants.syncQueue(e.territory(), e.participantId(), aciOf(e, state), changed);
                return Outcome.APPLIED;
            }
            log.debug("participant {} changed concurrently; reloading", e.participantId());
        }
        throw new IllegalStateException("participant " + e.participantId() + " kept changing concurrently");
    }

    /**
     * The participant's pathway moved to another ACI (their coordinator moved them): their open needs stay open,
     * and the queue now says the new ACI. Idempotent: the queue is written from the needs as they are.
     */
    private Outcome requeue(PathwayEventMessage e) {
        ParticipantState state = participants.load(e.territory(), e.participantId());
        participants.syncQueue(e.territory(), e.participantId(), aciOf(e, state), state.needs().values());
        return Outcome.APPLIED;
    }

    private java.util.Optional<Need> assessed(PathwayEventMessage e, ParticipantState state) {
        String barrier = e.dataText("domain");
        String handling = e.dataText("handling");
        PartnerDomain partnerDomain = partnerDomain(barrier);
        if (handling == null || !HANDLINGS.contains(handling)) {
            throw new PoisonEvent("BarrierAssessed with unknown handling " + handling);
        }
        Need current = state.needs().get(barrier);
        if (current != null && !current.isOlderThan(e.pathwayId(), e.sequence(), e.recordedAt())) {
            return java.util.Optional.empty();
        }
        return Need.assessed(current, barrier, partnerDomain, e.dataText("intensity"), handling, e.occurredOn(),
                e.pathwayId(), e.sequence(), e.recordedAt(), e.recordedBy());
    }

    /** The participant's ACI: the event's own, else the one last recorded for them. */
    private static String aciOf(PathwayEventMessage e, ParticipantState state) {
        return e.aciId() != null ? e.aciId() : state.aciId();
    }

    private java.util.Optional<Need> lifted(PathwayEventMessage e, ParticipantState state) {
        String barrier = e.dataText("domain");
        partnerDomain(barrier);
        Need current = state.needs().get(barrier);
        if (current == null || current.status() != NeedStatus.OPEN
                || !current.isOlderThan(e.pathwayId(), e.sequence(), e.recordedAt())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(current.closed(e.occurredOn(), "BARRIER_LIFTED", e.pathwayId(), e.sequence(), e.recordedAt()));
    }

    private PartnerDomain partnerDomain(String barrier) {
        if (barrier == null) {
            throw new PoisonEvent("missing data.domain");
        }
        return mapping.partnerDomainOf(barrier).orElseThrow(() ->
                new PoisonEvent("barrier domain " + barrier + " is not in the domain mapping table"));
    }

    private void cancelPendingReferrals(PathwayEventMessage e, ParticipantState state) {
        for (Document summary : state.referrals()) {
            if (ReferralStatus.valueOf(summary.getString("status")).pending()) {
                referrals.cancelForExit(summary.getString("referralId"), e.occurredOn(), SYSTEM_ACTOR);
            }
        }
    }
}
