package fr.convergence.reporting.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole generation folded in memory, for a rebuild: every pathway's facts, the events still waiting for a
 * missing predecessor, the referrals and the participant stream's reference data. Each event is folded once
 * ({@link PathwayFolding} only: the cells are derived once per pathway, at the end, by whoever writes the
 * generation), so the cost per event no longer includes the contributions before and after it.
 *
 * <p>The rules are the live projector's ({@code store.Projector}), in memory: a pathway event of another
 * territory than the pathway's is refused, one at or below the last applied sequence is a duplicate, one ahead of
 * its predecessor waits (and {@code parkedUpTo} records the highest such sequence, as the live projector does),
 * and applying the next one drains the waiting successors. An event that cannot be folded throws, leaving the
 * state as it was, so the caller dead-letters it exactly as the live consumer would; if a waiting successor fails
 * while being drained, the event that released it is the one refused, as live.
 *
 * <p>Thread-safe: partitions are folded by several workers at once. A pathway's events share one partition
 * (Kafka keys them by participant), so the per-key atomic updates below only matter for the odd event that names
 * a pathway of another territory's stream.
 */
public final class GenerationFold {

    private final Map<String, PathwayState> pathways = new ConcurrentHashMap<>();
    private final Map<String, ReferralState> referrals = new ConcurrentHashMap<>();
    private final Map<String, ReferenceData.Territory> territories = new ConcurrentHashMap<>();
    private final Map<String, ReferenceData.Aci> acis = new ConcurrentHashMap<>();
    private final Map<String, ReferenceData.Participant> participants = new ConcurrentHashMap<>();

    /** One pathway: its facts and the events that arrived ahead of a missing predecessor, by sequence. */
    public static final class PathwayState {
        private PathwayFacts facts;
        private TreeMap<Long, PathwayEvent> waiting;

        PathwayState(String pathwayId) {
            this.facts = PathwayFacts.empty(pathwayId);
        }

        public PathwayFacts facts() {
            return facts;
        }

        /** The events still waiting, in sequence order (stored as the generation's parked events). */
        public Collection<PathwayEvent> waiting() {
            return waiting == null ? List.of() : waiting.values();
        }
    }

    /** Folds one pathway event; throws {@link InvalidEventException} (state unchanged) when live would refuse it. */
    public void applyPathway(PathwayEvent event) {
        pathways.compute(event.pathwayId(), (id, state) -> {
            PathwayState s = state != null ? state : new PathwayState(id);
            fold(s, event);
            return s;
        });
    }

    private static void fold(PathwayState s, PathwayEvent event) {
        PathwayFacts before = s.facts;
        PathwayFolding.requireSameTerritory(before, event);
        if (event.sequence() <= before.lastSequence) {
            return;   // a duplicate
        }
        if (event.sequence() > before.lastSequence + 1) {
            if (s.waiting == null) {
                s.waiting = new TreeMap<>();
            }
            s.waiting.put(event.sequence(), event);
            if (before.parkedUpTo != null && before.parkedUpTo < event.sequence()) {
                before.parkedUpTo = event.sequence();   // the facts are this fold's own: no copy needed
            }
            return;
        }
        PathwayFacts current = PathwayFolding.apply(before, event);
        List<Long> drained = new ArrayList<>();
        while (s.waiting != null && (current.parkedUpTo == null || current.lastSequence < current.parkedUpTo)) {
            PathwayEvent next = s.waiting.get(current.lastSequence + 1);
            if (next == null) {
                break;
            }
            current = PathwayFolding.apply(current, next);   // throws: nothing below has happened
            drained.add(next.sequence());
        }
        s.facts = current;
        for (Long sequence : drained) {
            s.waiting.remove(sequence);
        }
    }

    /** Folds one referral event (a status never goes back); throws when live would refuse it. */
    public void applyReferral(ReferralEvent event) {
        referrals.compute(event.referralId(), (id, before) -> ReferralState.apply(before, event));
    }

    /** Folds one participant-stream event into the reference data; types reporting does not use are ignored. */
    public void applyParticipant(ParticipantEvent event) {
        switch (ParticipantFolding.subject(event)) {
            case TERRITORY -> reference(territories, event, ParticipantFolding::territory);
            case ACI -> reference(acis, event, ParticipantFolding::aci);
            case PARTICIPANT -> reference(participants, event, ParticipantFolding::participant);
            case OTHER -> {
            }
        }
    }

    private static <T> void reference(Map<String, T> documents, ParticipantEvent event,
                                      java.util.function.BiFunction<T, ParticipantEvent, T> fold) {
        String key = ParticipantFolding.key(event);
        documents.compute(key, (id, before) -> {
            T after = fold.apply(before, event);
            return after == null ? before : after;
        });
    }

    /** Every pathway folded, with its waiting events. Read once the folding is over. */
    public Collection<PathwayState> pathways() {
        return pathways.values();
    }

    public Map<String, ReferralState> referrals() {
        return referrals;
    }

    public Map<String, ReferenceData.Territory> territories() {
        return territories;
    }

    public Map<String, ReferenceData.Aci> acis() {
        return acis;
    }

    public Map<String, ReferenceData.Participant> participants() {
        return participants;
    }
}
