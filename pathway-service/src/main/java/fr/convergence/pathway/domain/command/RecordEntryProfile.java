package fr.convergence.pathway.domain.command;

import fr.convergence.pathway.domain.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record where the person came from; once a profile exists, a new one corrects it and needs a reason. */
public record RecordEntryProfile(@TargetAggregateIdentifier String pathwayId, LocalDate date, HousingSituation housing,
                                 DurationBand withoutHousing, ReferralSource referredBy, HealthCover healthCover,
                                 List<RightKind> rightsAtEntry, DurationBand withoutWork,
                                 CorrectionReason correctionReason) {
}
