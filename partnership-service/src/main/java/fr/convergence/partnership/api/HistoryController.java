package fr.convergence.partnership.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.partnership.application.ParticipantHistory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's history for an auditor (pathway-service's audit reads it with the auditor's token): a purpose is
 * required, as in participant-service, and the read is recorded with the auditor's id. An auditor of another
 * territory gets 404.
 */
@RestController
@RequestMapping("/api/partnerships/participants/{participantId}/history")
class HistoryController {

    static final String PURPOSE_HEADER = "X-Purpose";
    private static final String PURPOSE = "[A-Za-z0-9_.:-]{2,64}";

    private final ParticipantHistory history;
    private final TerritoryAccess access;

    HistoryController(ParticipantHistory history, TerritoryAccess access) {
        this.history = history;
        this.access = access;
    }

    /** Who read this participant's partnership history, when and why: auditors of its territory, newest first. */
    @GetMapping("/reads")
    @PreAuthorize("hasRole('AUDITOR')")
    Page<ParticipantHistory.Read> reads(@PathVariable String participantId,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size,
                                        Caller caller) {
        if (!participantId.matches(Requests.CODE)) {
            throw ApiException.badRequest("participantId", "participantId must match " + Requests.CODE);
        }
        if (page < 0 || page > 100_000) {
            throw ApiException.badRequest("page", "page must be between 0 and 100000");
        }
        if (size < 1 || size > 200) {
            throw ApiException.badRequest("size", "size must be between 1 and 200");
        }
        String territory = access.participant(caller, participantId);
        var found = history.reads(territory, participantId, page, size);
        return new Page<>(found.getValue(), page, size, found.getKey().intValue());
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    ParticipantHistory.History get(@PathVariable String participantId,
                                   @RequestHeader(value = PURPOSE_HEADER, required = false) String purposeHeader,
                                   @RequestParam(value = "purpose", required = false) String purposeParam,
                                   Caller caller) {
        if (!participantId.matches(Requests.CODE)) {
            throw ApiException.badRequest("participantId", "participantId must match " + Requests.CODE);
        }
        String territory = access.participant(caller, participantId);
        return history.of(territory, participantId, caller.userId(), purpose(purposeHeader, purposeParam));
    }

    private static String purpose(String header, String parameter) {
        String purpose = header != null && !header.isBlank() ? header : parameter;
        if (purpose == null || !purpose.matches(PURPOSE)) {
            throw ApiException.badRequest("purpose", "send why the history is read (e.g. audit) in " + PURPOSE_HEADER
                    + " or the purpose parameter, a short code matching " + PURPOSE);
        }
        return purpose;
    }
}
