package fr.convergence.pathway.api;

import fr.convergence.pathway.domain.BarrierDomain;
import fr.convergence.pathway.domain.ExtensionReason;
import fr.convergence.pathway.domain.Handling;
import fr.convergence.pathway.domain.HousingKind;
import fr.convergence.pathway.domain.Intensity;
import fr.convergence.pathway.domain.Programme;
import fr.convergence.pathway.domain.RightKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

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

    record Exit(@NotNull LocalDate date, @NotNull @Pattern(regexp = CODE) String reason) {
    }
}
