package fr.convergence.pathway.api;

import fr.convergence.pathway.domain.AccompanimentKind;
import fr.convergence.pathway.domain.BarrierDomain;
import fr.convergence.pathway.domain.CorrectionReason;
import fr.convergence.pathway.domain.DurationBand;
import fr.convergence.pathway.domain.EmploymentSituation;
import fr.convergence.pathway.domain.HealthCover;
import fr.convergence.pathway.domain.HousingSituation;
import fr.convergence.pathway.domain.ReferralSource;
import fr.convergence.pathway.domain.SessionLength;
import fr.convergence.pathway.domain.SupportRole;
import fr.convergence.pathway.domain.ExtensionReason;
import fr.convergence.pathway.domain.Handling;
import fr.convergence.pathway.domain.HousingKind;
import fr.convergence.pathway.domain.Intensity;
import fr.convergence.pathway.domain.Programme;
import fr.convergence.pathway.domain.RightKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the pathway API. Shape and types are checked here (400); every number of the programme (hours,
 * months, days) is checked by the aggregate against programme-rules.yml (422), so that each rule lives in one place.
 */
final class Requests {

    static final String CODE = "[A-Za-z0-9_./-]{1,64}";

    private Requests() {
    }

    record OpenPathway(@NotNull @Pattern(regexp = CODE) String participantId,
                       @Pattern(regexp = "[a-z0-9-]{2,40}") String territory,
                       @NotNull @Pattern(regexp = CODE) String aciId,
                       @NotNull Programme programme,
                       @NotNull LocalDate contractStart,
                       @NotNull LocalDate plannedEnd,
                       @NotNull Double weeklyHours,
                       Boolean hoursDerogation) {
    }

    record WeeklyHours(@NotNull LocalDate effectiveDate,
                       @NotNull Double weeklyHours) {
    }

    record Transition(@NotNull LocalDate date, @NotNull LocalDate plannedEnd,
                      @NotNull Double weeklyHours,
                      Boolean hoursDerogation) {
    }

    record Extension(@NotNull LocalDate decisionDate, @NotNull LocalDate newPlannedEnd,
                     @NotNull ExtensionReason reason, @NotNull @Pattern(regexp = CODE) String decisionReference) {
    }

    record Barrier(@NotNull LocalDate date, @NotNull BarrierDomain domain, @NotNull Intensity intensity,
                   @NotNull Handling handling) {
    }

    record Dated(@NotNull LocalDate date) {
    }

    record Housing(@NotNull LocalDate date, @NotNull HousingKind kind) {
    }

    record Right(@NotNull LocalDate date, @NotNull RightKind right) {
    }

    record Training(@NotNull LocalDate date, @NotNull @Pattern(regexp = CODE) String trainingId, Boolean qualifying) {
    }

    record TrainingCompletion(@NotNull LocalDate date, Boolean certified) {
    }

    record Immersion(@NotNull LocalDate date, @NotNull Integer days) {
    }

    record MonthlyHours(@NotNull @Pattern(regexp = "\\d{4}-\\d{2}") String month,
                        @NotNull Double hours) {
    }

    record Exit(@NotNull LocalDate date, @NotNull @Pattern(regexp = CODE) String reason, HousingSituation housingAtExit) {
    }

    record MonthlyHoursSeries(@NotNull @Size(max = 120) List<@NotNull @Valid MonthlyHours> months) {
    }

    record EntryProfile(@NotNull LocalDate date, @NotNull HousingSituation housing, @NotNull DurationBand withoutHousing,
                        @NotNull ReferralSource referredBy, @NotNull HealthCover healthCover,
                        @Size(max = 20) List<@NotNull RightKind> rightsAtEntry, @NotNull DurationBand withoutWork,
                        CorrectionReason correctionReason) {
    }

    record Accompaniment(@NotNull LocalDate date, @NotNull AccompanimentKind kind, @NotNull SessionLength length,
                         @NotNull @Size(max = 20) List<@NotNull SupportRole> participants) {
    }

    record HousingChange(@NotNull LocalDate date, @NotNull HousingSituation situation) {
    }

    record FollowUpContact(@NotNull LocalDate date, @NotNull EmploymentSituation employment,
                           @NotNull HousingSituation housing, BarrierDomain newDifficulty) {
    }

    record DateCorrection(@NotNull @PositiveOrZero Long sequence, @NotNull LocalDate rightDate,
                          @NotNull CorrectionReason reason) {
    }

    record ExitCancellation(@NotNull CorrectionReason reason) {
    }
}
