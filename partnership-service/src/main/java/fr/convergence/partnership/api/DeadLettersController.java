package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.partnership.consuming.DeadLetterService;
import org.bson.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Pathway events the consumer could not apply, with the reason; a retry reprocesses one. Operations: administrators
 * only (a parked record holds a raw event, so no one else reads it).
 */
@RestController
@RequestMapping("/api/partnerships/dead-letters")
class DeadLettersController {

    private final DeadLetterService deadLetters;

    DeadLettersController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Page<Document> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Page.of(deadLetters.list(), page, size);
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> retry(@PathVariable String id, Caller caller) {
        return Map.of("id", id, "status", "REPROCESSED", "outcome", deadLetters.retry(id, caller.userId()).name());
    }
}
