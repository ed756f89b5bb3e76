package fr.convergence.reporting.deadletter;

import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.ingest.RecordHandler;
import fr.convergence.reporting.projection.InvalidEventException;
import fr.convergence.reporting.store.ActiveGeneration;
import fr.convergence.reporting.store.ApplyOutcome;
import fr.convergence.reporting.store.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Lists dead letters and reprocesses one into the active generation. Operations: administrators only. */
@RestController
@RequestMapping("/api/reporting/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ActiveGeneration active;
    private final Projections projections;

    public DeadLetterController(DeadLetters deadLetters, ActiveGeneration active, Projections projections) {
        this.deadLetters = deadLetters;
        this.active = active;
        this.projections = projections;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    public List<DeadLetter> list() {
        return deadLetters.list();
    }

    /** Applies the stored record again; on success the dead letter is removed, otherwise its reason is updated. */
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, Object> retry(@PathVariable String id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ApiException.notFound("dead letter", id));
        try {
            ApplyOutcome outcome = RecordHandler.applyNow(letter.topic(), letter.value(),
                    projections.projector(active.current()));
            deadLetters.remove(id);
            return Map.of("id", id, "outcome", outcome.name());
        } catch (InvalidEventException | IllegalArgumentException e) {
            deadLetters.park(letter.topic(), letter.partition(), letter.offset(), letter.key(), letter.value(), e);
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "dead-letter-still-failing", null,
                    "the record still cannot be applied: " + e.getMessage());
        }
    }
}
