package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the person came from, recorded at hiring or just after: coded values only (no health detail beyond the
 * cover). Recorded again, it corrects the earlier profile: {@code correctionOf} is the sequence of the profile it
 * replaces and {@code correctionReason} says why (both null on the first profile).
 */
@Revision("1")
public record EntryProfileRecorded(String pathwayId, LocalDate occurredOn, HousingSituation housing,
                                   DurationBand withoutHousing, ReferralSource referredBy, HealthCover healthCover,
                                   List<RightKind> rightsAtEntry, DurationBand withoutWork, Long correctionOf,
                                   CorrectionReason correctionReason) implements PathwayEvent {

    public EntryProfileRecorded {
        rightsAtEntry = rightsAtEntry == null ? List.of() : List.copyOf(rightsAtEntry);
    }
}
