package fr.convergence.kit.deadletter;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead letters of a service's consumers, for administrators only (a letter holds a raw event). Mounted at
 * {@code convergence.dead-letters.path} (e.g. {@code /api/partnerships/dead-letters}) in every service that
 * consumes: one API and one page shape whatever the service.
 */
@RestController
@RequestMapping("${convergence.dead-letters.path}")
public class DeadLettersController {

    /** {@code topic:partition:offset}, as {@link DeadLetter#idOf} makes it. */
    static final String LETTER_ID = "[A-Za-z0-9._-]{1,249}:[0-9]{1,9}:[0-9]{1,19}";
    private static final Set<String> STATUSES = Set.of(DeadLetter.PARKED, DeadLetter.REPROCESSED, DeadLetter.DISCARDED);
    private final DeadLetterAdmin admin;

    public DeadLettersController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    public record Page(List<DeadLetter> items, int page, int size, int total) {
    }

    public record Discard(@NotBlank @Size(max = 500) @Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters")
                          String note) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Dead letters, newest first; status PARKED, REPROCESSED or DISCARDED (all when absent)")
    public Page list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + STATUSES);
        }
        if (page < 0) {
            throw ApiException.badRequest("page", "page must be >= 0");
        }
        if (size < 1 || size > 200) {
            throw ApiException.badRequest("size", "size must be between 1 and 200");
        }
        List<DeadLetter> all = admin.list(status);
        int from = (int) Math.min((long) page * size, all.size());
        return new Page(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Apply a parked record again (REPROCESSED), or 422 dead-letter-still-failing with the new reason")
    public Map<String, String> retry(@PathVariable @Parameter(schema = @Schema(pattern = LETTER_ID, maxLength = 300)) String id,
                                     Caller caller) {
        requireLetterId(id);
        return Map.of("id", id, "status", DeadLetter.REPROCESSED, "outcome", admin.retry(id, caller.userId()));
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Give up on a parked record, saying why (DISCARDED; the letter stays on record)")
    public Map<String, String> discard(@PathVariable @Parameter(schema = @Schema(pattern = LETTER_ID, maxLength = 300)) String id,
                                       @Valid @RequestBody Discard discard, Caller caller) {
        requireLetterId(id);
        admin.discard(id, caller.userId(), discard.note().strip());
        return Map.of("id", id, "status", DeadLetter.DISCARDED);
    }

    /**
     * Checked here rather than by a constraint on the parameter: a parameter constraint turns on method validation,
     * which would name the body's broken field after the parameter ({@code discard}) instead of {@code note}.
     */
    private static void requireLetterId(String id) {
        if (id == null || id.length() > 300 || !id.matches(LETTER_ID)) {
            throw ApiException.badRequest("id", "a dead letter id is topic:partition:offset");
        }
    }
}
