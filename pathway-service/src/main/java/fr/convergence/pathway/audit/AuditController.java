package fr.convergence.pathway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's view of one participant: history, state as of a date, chain verification, exports, and who read
 * what. Auditors only; an auditor of territories (one, or a portfolio) opens the files of their participants only
 * (404 otherwise, like an unknown participant). Every read is recorded under the token's subject.
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "audit")
class AuditController {

    static final String AUDITORS = "hasRole('AUDITOR')";

    static final String ID = "[A-Za-z0-9_.-]{1,64}";
    private final ParticipantAudit audit;
    private final ObjectMapper json;

    AuditController(ParticipantAudit audit, ObjectMapper eventObjectMapper) {
        this.audit = audit;
        this.json = eventObjectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A page of history, with the chain heads that let a later reader check nothing was rewritten. */
    public record HistoryPage(String participantId, List<HistoryEntry> items, int page, int size, int total,
                              Map<String, Map<String, Object>> chains) {
    }

    @GetMapping("/participants/{participantId}/history")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Every event of a participant across services, in order, paged")
    HistoryPage history(@PathVariable("participantId") @Pattern(regexp = ID) String id,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                        Caller caller) {
        ParticipantAudit.AuditFile file = audit.file(id, caller, "history page " + page);
        List<HistoryEntry> all = file.entries();
        // long: page × size must not wrap round to a negative index (a huge page was a 500, issue 21 finding 14)
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = (int) Math.min(all.size(), (long) from + size);
        return new HistoryPage(id, all.subList(from, to), page, size, all.size(), file.chains());
    }

    @GetMapping("/participants/{participantId}/state")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Each pathway's state as of a past date, by replaying its events up to that date")
    Map<String, Object> state(@PathVariable("participantId") @Pattern(regexp = ID) String id,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              Caller caller) {
        return Map.of("participantId", id, "asOf", asOf.toString(), "pathways",
                audit.stateAsOf(id, asOf, caller));
    }

    @GetMapping("/participants/{participantId}/verification")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Recompute every pathway's SHA-256 chain; report the first broken link")
    Map<String, Object> verification(@PathVariable("participantId") @Pattern(regexp = ID) String id, Caller caller) {
        Map<String, Map<String, Object>> chains = audit.verify(id, caller);
        boolean intact = chains.values().stream().allMatch(c -> Boolean.TRUE.equals(c.get("intact")));
        return Map.of("participantId", id, "intact", intact, "pathways", chains);
    }

    @GetMapping(value = "/participants/{participantId}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(summary = "The full history for an audit file, with chain heads and a digest of its content")
    ResponseEntity<String> exportJson(@PathVariable("participantId") @Pattern(regexp = ID) String id, Caller caller) throws Exception {
        ParticipantAudit.AuditFile file = audit.file(id, caller, "export json");
        List<HistoryEntry> all = file.entries();
        String items = json.writeValueAsString(all);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("participantId", id);
        export.put("generatedAt", Instant.now().toString());
        export.put("generatedBy", caller.userId());
        export.put("chains", file.chains());
        export.put("itemsSha256", sha256(items));
        export.put("items", all);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-" + id + ".json")
                .body(json.writeValueAsString(export));
    }

    @GetMapping(value = "/participants/{participantId}/export.html", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(summary = "A printable view of the history")
    String exportHtml(@PathVariable("participantId") @Pattern(regexp = ID) String id, Caller caller) {
        ParticipantAudit.AuditFile file = audit.file(id, caller, "export html");
        return AuditPrintView.render(id, file.entries(), file.chains());
    }

    @GetMapping(value = "/participants/{participantId}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(AUDITORS)
    @Operation(summary = "The audit file as PDF: history, chain verification with head hashes, who produced it; "
            + "French, A4, numbered pages, font embedded")
    ResponseEntity<byte[]> exportPdf(@PathVariable("participantId") @Pattern(regexp = ID) String id, Caller caller) {
        ParticipantAudit.AuditFile file = audit.file(id, caller, "export pdf");
        byte[] pdf = AuditPdf.render(id, file.entries(), file.chains(), caller.userId(), Instant.now());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-" + id + ".pdf").body(pdf);
    }

    @GetMapping("/reads")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Audit reads (who read which history, when) — for auditors")
    Object reads(@RequestParam(required = false) @Pattern(regexp = ID) String participantId, Caller caller) {
        return participantId == null ? audit.readsOverview(caller) : audit.readsOf(participantId, caller);
    }

    @ExceptionHandler(HistorySource.SourceUnavailable.class)
    ResponseEntity<org.springframework.http.ProblemDetail> unavailable(HistorySource.SourceUnavailable e,
                                                                       jakarta.servlet.http.HttpServletRequest request) {
        return fr.convergence.kit.web.ProblemHandler.render(new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "history-source-unavailable", null, e.getMessage() + "; an incomplete history is not shown"), request);
    }

    static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
