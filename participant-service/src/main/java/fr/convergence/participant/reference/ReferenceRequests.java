package fr.convergence.participant.reference;

import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.AciContact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the reference-data API; shape is checked here (400), domain rules in the domain (422). */
final class ReferenceRequests {

    static final String TERRITORY_CODE = "[a-z0-9-]{2,40}";
    /** Names are published in events and shown on every screen: one line, no control character. */
    static final String ONE_LINE = "\\P{Cc}*";
    static final String NO_CONTROL = "must not contain control characters";

    private ReferenceRequests() {
    }

    record CreateTerritory(@NotNull @Pattern(regexp = TERRITORY_CODE) String code,
                           @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String name) {
    }

    record ChangeTerritory(@NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String name) {
    }

    /** A French or international phone number as people type it: digits, spaces, dots, dashes, a leading +. */
    static final String PHONE = "\\+?[0-9][0-9 .()-]{5,25}";

    /**
     * An ACI. {@code joinedOn}/{@code leftOn}: when it joined and left the programme (ISO dates, optional; leaving
     * comes after joining, 422 naming leftOn). {@code contactEmail}/{@code contactPhone}: the accompaniment team's
     * professional contact, shown to the territory's staff with the needs of the ACI's people.
     */
    record AciDetails(@NotBlank @Size(max = 150) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String name,
                      @NotNull @ValidSiret String siret,
                      @NotEmpty List<@NotNull Programme> programmes,
                      boolean localCoordination,
                      LocalDate joinedOn,
                      LocalDate leftOn,
                      @Email @Size(max = 200) String contactEmail,
                      @Pattern(regexp = PHONE, message = "must be a phone number (digits, spaces, dots, dashes, a leading +)")
                      String contactPhone) {

        AciContact contact() {
            return new AciContact(blankToNull(contactEmail), blankToNull(contactPhone));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
