package fr.convergence.pathway.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which events' dates a correction may move. Monthly hours are dated by their month (report the month again
 * instead), a transfer follows the participant service's move, and a correction is not itself corrected.
 */
final class DateCorrections {

    static final Set<String> CORRECTABLE = Set.of("ParticipantHired", "WeeklyHoursChanged", "ProgrammeTransitioned",
            "PathwayExtended", "BarrierAssessed", "BarrierLifted", "HousingSecured", "HealthCareAccessed",
            "RightsOpened", "TrainingStarted", "TrainingCompleted", "ImmersionDone", "ParticipantExited",
            "FollowUpStarted", "FollowUpEnded", "EntryProfileRecorded", "AccompanimentRecorded",
            "HousingSituationChanged", "FollowUpContactRecorded");

    private DateCorrections() {
    }

    /** The first date follow-up was recorded after the current exit (its start or a contact); null if none. */
    static LocalDate firstFollowUpDate(PathwayState state) {
        LocalDate first = state.followUpStartedOn();
        for (PathwayState.FollowUpContact contact : state.followUpContacts()) {
            if (first == null || contact.date().isBefore(first)) {
                first = contact.date();
            }
        }
        return first;
    }
}
