package fr.convergence.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A participant's need of a partner in one barrier domain, opened by a pathway BarrierAssessed handled by a
 * partner (PARTNER or BOTH) and closed by BarrierLifted, an INTERNAL re-assessment or the participant's exit.
 * {@code pathwayId}, {@code sequence} and {@code recordedAt} are those of the last pathway event applied: an
 * older event (a retried dead letter) never overrides a newer one. {@code assessedBy} is the ACI staff member who
 * last assessed the barrier (the recorder of that pathway event): the person a chargé·e de partenariat calls.
 * Needs stored before it was kept have none.
 */
public record Need(String barrierDomain, PartnerDomain partnerDomain, NeedStatus status, String intensity,
                   String handling, LocalDate openedOn, LocalDate updatedOn, LocalDate closedOn, String closeReason,
                   String pathwayId, long sequence, Instant recordedAt, String assessedBy) {

    /** Whether an event (pathway, sequence, recording instant) comes after the one this need last applied. */
    public boolean isOlderThan(String eventPathwayId, long eventSequence, Instant eventRecordedAt) {
        if (pathwayId.equals(eventPathwayId)) {
            return sequence < eventSequence;
        }
        return recordedAt == null || eventRecordedAt == null || !eventRecordedAt.isBefore(recordedAt);
    }

    /** The need after an assessment; empty when nothing is to be recorded (internal handling of no open need). */
    public static java.util.Optional<Need> assessed(Need current, String barrierDomain, PartnerDomain partnerDomain,
                                                    String intensity, String handling, LocalDate on,
                                                    String pathwayId, long sequence, Instant recordedAt,
                                                    String assessedBy) {
        boolean byPartner = "PARTNER".equals(handling) || "BOTH".equals(handling);
        if (!byPartner) {
            if (current == null || current.status() != NeedStatus.OPEN) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(current.closed(on, "HANDLED_INTERNALLY", pathwayId, sequence, recordedAt));
        }
        LocalDate openedOn = current != null && current.status() == NeedStatus.OPEN ? current.openedOn() : on;
        return java.util.Optional.of(new Need(barrierDomain, partnerDomain, NeedStatus.OPEN, intensity, handling,
                openedOn, on, null, null, pathwayId, sequence, recordedAt, assessedBy));
    }

    /** Open again, as before the exit that closed it was cancelled (the exit did not happen). */
    public Need reopened(LocalDate on, String eventPathwayId, long eventSequence, Instant eventRecordedAt) {
        return new Need(barrierDomain, partnerDomain, NeedStatus.OPEN, intensity, handling, openedOn, on, null, null,
                eventPathwayId, eventSequence, eventRecordedAt, assessedBy);
    }

    public Need closed(LocalDate on, String reason, String eventPathwayId, long eventSequence, Instant eventRecordedAt) {
        return new Need(barrierDomain, partnerDomain, NeedStatus.CLOSED, intensity, handling, openedOn, on, on, reason,
                eventPathwayId, eventSequence, eventRecordedAt, assessedBy);
    }
}
