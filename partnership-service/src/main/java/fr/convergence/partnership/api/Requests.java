package fr.convergence.partnership.api;

import fr.convergence.partnership.domain.FollowUpRole;
import fr.convergence.partnership.domain.PartnerDomain;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request bodies: shape and types here (400); partnership rules in the domain (422). Dates default to today. */
final class Requests {

    static final String CODE = "[A-Za-z0-9_./-]{1,64}";
    static final String TEXT = "[^\\p{Cntrl}]{1,200}";
    static final String TERRITORY = "[a-z0-9-]{2,40}";

    private Requests() {
    }

    record ContactBody(@NotNull @Pattern(regexp = TEXT) String name, @Pattern(regexp = TEXT) String role,
                       @Email @Size(max = 200) String email, @Pattern(regexp = "[0-9 +().-]{4,30}") String phone) {
    }

    /** {@code territory} is optional; when given it must be the caller's and this instance's (403 otherwise). */
    record PartnerBody(@NotNull @Pattern(regexp = TEXT) String name, @NotNull Set<PartnerDomain> domains,
                       @Size(max = 50) List<@Valid ContactBody> contacts, @Pattern(regexp = TERRITORY) String territory) {
    }

    record AgreementBody(@NotNull LocalDate startsOn, LocalDate endsOn, @NotNull Set<PartnerDomain> scope) {
    }

    record EndAgreement(LocalDate endedOn) {
    }

    record OfficerBody(@NotNull @Pattern(regexp = CODE) String officerId, @NotNull @Pattern(regexp = TEXT) String name,
                       @Email @Size(max = 200) String email, @Pattern(regexp = TERRITORY) String territory) {
    }

    record ProposeReferral(@NotNull @Pattern(regexp = CODE) String participantId,
                           @NotNull @Pattern(regexp = CODE) String partnerId,
                           @NotNull @Pattern(regexp = "[A-Z_]{2,40}") String domain, LocalDate proposedOn,
                           @Pattern(regexp = TERRITORY) String territory) {
    }

    record Step(LocalDate date) {
    }

    /** {@code reason}: a code of the reason table for this step (400 {@code unknown-reason} otherwise), never text. */
    record Decline(LocalDate date, String reason) {
    }

    record Complete(LocalDate date, @NotNull @Pattern(regexp = "[A-Z_]{2,40}") String outcome) {
    }

    /** {@code reason}: as for {@link Decline}. */
    record Cancel(LocalDate date, String reason) {
    }

    record JoinGroup(@NotNull FollowUpRole role, @NotNull @Pattern(regexp = TEXT) String name,
                     @Pattern(regexp = TEXT) String organisation, LocalDate startsOn) {
    }

    record LeaveGroup(LocalDate endsOn) {
    }
}
