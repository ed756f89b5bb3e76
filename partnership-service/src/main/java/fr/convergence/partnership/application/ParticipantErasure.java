package fr.convergence.partnership.application;

import fr.convergence.partnership.store.FollowUpStore;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.partnership.store.ReferralStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * What participant-service's {@code ParticipantErased} means here (issue 21 finding 8): the person's follow-up group
 * loses its members' names and organisations (their data key is destroyed, the sealed values removed) and takes no
 * new member; their referrals lose any free-text reason written before reasons became codes, in the referral, in its
 * kept {@code published[]} events and in its outbox. What stays is pseudonymous: ids, codes, dates — the referral
 * figures reporting counts. Idempotent, so a redelivered or replayed erasure is harmless.
 */
public class ParticipantErasure {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasure.class);

    private final ParticipantStore participants;
    private final ReferralStore referrals;
    private final FollowUpStore groups;
    private final Clock clock;

    public ParticipantErasure(ParticipantStore participants, ReferralStore referrals, FollowUpStore groups, Clock clock) {
        this.participants = participants;
        this.referrals = referrals;
        this.groups = groups;
        this.clock = clock;
    }

    public void erase(String territory, String participantId) {
        groups.erase(territory, participantId, clock.instant());
        int scrubbed = 0;
        for (Document summary : participants.find(territory, participantId).map(ParticipantStore.ParticipantState::referrals)
                .orElse(java.util.List.of())) {
            if (referrals.eraseText(summary.getString("referralId"))) {
                scrubbed++;
            }
        }
        log.info("participant {} of {} erased here: follow-up group names removed, {} referral(s) had free text removed",
                participantId, territory, scrubbed);
    }
}
