package fr.convergence.participant.accesslog;

import fr.convergence.participant.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of reads of one participant's personal data. */
@RestController
@RequestMapping("/api/participants/access-log")
@Validated
@Tag(name = "access log")
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping
    @Operation(summary = "Who read a participant's personal data, when and why (newest first, paged)")
    AccessLog.Page read(@RequestParam @Pattern(regexp = "PSN-[A-Z2-7]{12}") String participantId,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                        Actor auditor) {
        // the Actor parameter makes X-User-Id mandatory: the trail itself is never read anonymously
        return accessLog.page(participantId, page, size);
    }
}
