package fr.convergence.participant.registration;

import fr.convergence.participant.domain.ParticipantStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Request bodies of the participant API. Bean Validation reports the offending field by name and never echoes
 * the rejected value, so a malformed request does not copy personal data into an error or a log.
 */
final class ParticipantRequests {

    static final String STAFF_ID = "[A-Za-z0-9_.@-]{1,64}";
    static final String ACI_ID = "[a-z0-9-]{2,64}";
    static final String TERRITORY = "[a-z0-9-]{2,40}";
    /** Names are one line of text: no control character (NUL, escape, line break …) reaches the sealed record. */
    static final String ONE_LINE = "\\P{Cc}*";
    /** A postal address may span lines; no other control character. */
    static final String LINES = "[\\r\\n\\t\\P{Cc}]*";
    static final String NO_CONTROL = "must not contain control characters";

    private ParticipantRequests() {
    }

    record Register(@NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String firstName,
                    @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String lastName,
                    @NotNull @Past LocalDate birthDate,
                    @Size(max = 30) @Pattern(regexp = "\\+?[0-9 .()-]{6,30}") String phone,
                    @Size(max = 254) @Email String email,
                    @Size(max = 300) @Pattern(regexp = LINES, message = NO_CONTROL) String address,
                    @NotNull @Pattern(regexp = STAFF_ID) String referentId,
                    @NotNull @Pattern(regexp = ACI_ID) String aciId) {
    }

    /** The contact details as they should now read (GDPR Art. 16); a blank or absent field is removed. */
    record ContactDetails(@Size(max = 30) @Pattern(regexp = "\\+?[0-9 .()-]{6,30}|") String phone,
                          @Size(max = 254) @Email String email,
                          @Size(max = 300) @Pattern(regexp = LINES, message = NO_CONTROL) String address) {
    }

    record Move(@NotNull @Pattern(regexp = ACI_ID) String aciId,
                @Pattern(regexp = STAFF_ID) String referentId) {
    }

    /** Names travel in a POST body, never in a URL where proxies and access logs would keep them. */
    record Search(@Pattern(regexp = TERRITORY) String territory,
                  @Pattern(regexp = ACI_ID) String aciId,
                  @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String lastName,
                  @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String firstName,
                  ParticipantStatus status,
                  @Min(0) @Max(100_000) Integer page,
                  @Min(1) @Max(200) Integer size) {
    }
}
