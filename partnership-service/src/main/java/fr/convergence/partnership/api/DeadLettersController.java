package fr.convergence.partnership.api;

import fr.convergence.partnership.consuming.DeadLetterService;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Pathway events the consumer could not apply, with the reason; a retry reprocesses one. */
@RestController
@RequestMapping("/api/partnerships/dead-letters")
class DeadLettersController {

    private final DeadLetterService deadLetters;
    private final CurrentUser user;

    DeadLettersController(DeadLetterService deadLetters, CurrentUser user) {
        this.deadLetters = deadLetters;
        this.user = user;
    }

    @GetMapping
    Page<Document> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Page.of(deadLetters.list(), page, size);
    }

    @PostMapping("/{id}/retry")
    Map<String, String> retry(@PathVariable String id, HttpServletRequest request) {
        user.id(request);
        return Map.of("id", id, "status", "REPROCESSED", "outcome", deadLetters.retry(id).name());
    }
}
