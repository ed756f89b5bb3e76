package fr.convergence.pathway.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The contacts after an exit the programme expects: about 1, 3, 6 and 12 months after it (the months are in
 * programme-rules.yml, {@code follow-up-contact-months}). A contact counts for the milestone nearest its date.
 */
public record FollowUpMilestone(int months) {

    public static FollowUpMilestone nearest(LocalDate exitedOn, LocalDate contactOn, List<Integer> milestones) {
        long days = ChronoUnit.DAYS.between(exitedOn, contactOn);
        int months = milestones.stream()
                .min(Comparator.comparingLong(m -> Math.abs(ChronoUnit.DAYS.between(exitedOn, exitedOn.plusMonths(m)) - days)))
                .orElseThrow(() -> new IllegalStateException("no follow-up contact months in the programme rules"));
        return new FollowUpMilestone(months);
    }

    /** The date the contact is due. */
    public LocalDate dueOn(LocalDate exitedOn) {
        return exitedOn.plusMonths(months);
    }
}
