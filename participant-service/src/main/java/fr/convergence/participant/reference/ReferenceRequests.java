package fr.convergence.participant.reference;

import fr.convergence.participant.domain.Programme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    record AciDetails(@NotBlank @Size(max = 150) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String name,
                      @NotNull @ValidSiret String siret,
                      @NotEmpty List<@NotNull Programme> programmes,
                      boolean localCoordination) {
    }
}
