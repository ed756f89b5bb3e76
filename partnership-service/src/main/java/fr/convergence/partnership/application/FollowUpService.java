package fr.convergence.partnership.application;

import fr.convergence.partnership.domain.FollowUpGroup;
import fr.convergence.partnership.domain.FollowUpRole;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.partnership.store.FollowUpStore;
import fr.convergence.partnership.store.Versioned;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/** The concerted follow-up groups (no integration events: they stay inside the territory's partnership service). */
public class FollowUpService {

    private final FollowUpStore store;
    private final Clock clock;

    public FollowUpService(FollowUpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public FollowUpGroup get(String territory, String participantId) {
        return store.load(territory, participantId).value();
    }

    public FollowUpGroup.Member join(String territory, String participantId, FollowUpRole role, String name, String organisation,
                                     LocalDate startsOn) {
        String memberId = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(clock);
        FollowUpGroup after = save(territory, participantId, g -> g.join(memberId, role, name, organisation,
                startsOn == null ? today : startsOn, today));
        return after.members().stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    public FollowUpGroup leave(String territory, String participantId, String memberId, LocalDate endsOn) {
        LocalDate today = LocalDate.now(clock);
        return save(territory, participantId, g -> g.leave(memberId, endsOn == null ? today : endsOn, today));
    }

    private FollowUpGroup save(String territory, String participantId, Function<FollowUpGroup, FollowUpGroup> change) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Versioned<FollowUpGroup> current = store.load(territory, participantId);
            FollowUpGroup next = change.apply(current.value());
            if (store.save(next, current.version())) {
                return next;
            }
        }
        throw new StateConflict("concurrent-update", "the follow-up group changed concurrently; reload and retry");
    }
}
