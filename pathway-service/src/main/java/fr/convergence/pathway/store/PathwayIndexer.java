package fr.convergence.pathway.store;

import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.event.*;
import org.bson.Document;

import java.util.List;

/**
 * Keeps a pathway stream's listing fields in step with its events: participant, territory, ACI, programme, status,
 * and what a caseload shows and its alerts need without loading every stream (weekly hours and the day they were
 * last set, planned end, exit date and category, follow-up contacts recorded). Streams written before a field existed
 * get it with their next event.
 */
public class PathwayIndexer implements StreamIndexer {

    /** The exit's category: whether follow-up contacts are expected at all (not after a withdrawal). */
    public static final String EXIT_CATEGORY = "exitCategory";
    /** Prefix of the field saying a follow-up contact was recorded for a milestone: followUpContact6 = its date. */
    public static final String FOLLOW_UP_CONTACT = "followUpContact";

    @Override
    public Document fieldsFor(List<?> payloads) {
        Document set = new Document();
        for (Object payload : payloads) {
            if (payload instanceof ParticipantHired e) {
                set.append(StreamDocuments.PARTICIPANT, e.participantId())
                        .append(StreamDocuments.TERRITORY, e.territory())
                        .append(StreamDocuments.ACI, e.aciId())
                        .append("programme", e.programme().name())
                        .append("status", PathwayStatus.ACTIVE.name())
                        .append("startedOn", e.occurredOn().toString())
                        .append("weeklyHours", e.weeklyHours())
                        .append("hoursSetOn", e.occurredOn().toString())
                        .append("plannedEnd", e.plannedEnd().toString());
            } else if (payload instanceof ProgrammeTransitioned e) {
                set.append("programme", e.to().name())
                        .append("weeklyHours", e.weeklyHours())
                        .append("hoursSetOn", e.occurredOn().toString())
                        .append("plannedEnd", e.plannedEnd().toString());
            } else if (payload instanceof WeeklyHoursChanged e) {
                set.append("weeklyHours", e.toHours()).append("hoursSetOn", e.occurredOn().toString());
            } else if (payload instanceof PathwayTransferred e) {
                set.append(StreamDocuments.ACI, e.toAciId());
            } else if (payload instanceof PathwayExtended e) {
                set.append("plannedEnd", e.newPlannedEnd().toString());
            } else if (payload instanceof ParticipantExited e) {
                set.append("status", PathwayStatus.EXITED.name()).append("exitedOn", e.occurredOn().toString())
                        .append(EXIT_CATEGORY, e.category().name());
            } else if (payload instanceof ExitCancelled) {
                set.append("status", PathwayStatus.ACTIVE.name()).append("exitedOn", null).append(EXIT_CATEGORY, null);
            } else if (payload instanceof FollowUpContactRecorded e) {
                set.append(FOLLOW_UP_CONTACT + e.milestoneMonths(), e.occurredOn().toString());
            } else if (payload instanceof EventDateCorrected e && e.correctedType().equals("ParticipantHired")) {
                set.append("startedOn", e.rightDate().toString());
            } else if (payload instanceof EventDateCorrected e && e.correctedType().equals("ParticipantExited")) {
                set.append("exitedOn", e.rightDate().toString());
            } else if (payload instanceof FollowUpStarted) {
                set.append("status", PathwayStatus.FOLLOW_UP.name());
            } else if (payload instanceof FollowUpEnded) {
                set.append("status", PathwayStatus.CLOSED.name());
            }
        }
        return set;
    }
}
