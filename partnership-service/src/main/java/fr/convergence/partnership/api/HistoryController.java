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
