package fr.convergence.participant.accesslog;

import fr.convergence.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of reads of one participant's personal data, for auditors only. An auditor of one territory
 * reads the trails of that territory's participants; any other participant answers 404 like an unknown one.
 */
@RestController
@RequestMapping("/api/participants/access-log")
@Validated
@Tag(name = "access log")
class AccessLogController {

    private final AccessLog accessLog;
    private final ParticipantVisibility participants;

    AccessLogController(AccessLog accessLog, ParticipantVisibility participants) {
        this.accessLog = accessLog;
        this.participants = participants;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Who read a participant's personal data, when and why (newest first, paged)")
    AccessLog.Page read(@RequestParam @Pattern(regexp = "PSN-[A-Z2-7]{12}") String participantId,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                        Caller auditor) {
        participants.requireVisible(auditor, participantId);
        return accessLog.page(participantId, page, size);
    }
}
