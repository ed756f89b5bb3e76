package fr.convergence.pathway.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.domain.ExitCategory;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.ProgrammeRules;
import fr.convergence.pathway.store.PathwayIndexer;
import fr.convergence.pathway.store.ChainVerifier;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads pathways: current state, state as of a date, lists per ACI or territory, and the hash-chain check. ACI
 * staff read their ACI, coordinators their territory, the national team every territory (pathway views are
 * pseudonymous and hold no text typed by staff); auditors read single pathways. A pathway the caller does not see
 * answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/pathways")
@Validated
@Tag(name = "pathway queries")
class PathwayQueriesController {

    private final PathwayQueries queries;
    private final StreamDocumentStorageEngine store;
    private final PathwayAccess access;
    private final com.fasterxml.jackson.databind.ObjectMapper eventJson;
    private final ProgrammeRules rules;
    private final Clock clock;

    private final ChainVerifier chains;

    PathwayQueriesController(PathwayQueries queries, StreamDocumentStorageEngine store, ChainVerifier chains,
                             PathwayAccess access,
                             com.fasterxml.jackson.databind.ObjectMapper eventObjectMapper, ProgrammeRules rules,
                             Clock clock) {
        this.queries = queries;
        this.store = store;
        this.chains = chains;
        this.access = access;
        this.eventJson = eventObjectMapper;
        this.rules = rules;
        this.clock = clock;
    }

    /** One recorded event of a pathway, for its staff's timeline. */
    public record EventLine(long sequence, String type, String occurredOn, String recordedAt, String recordedBy,
                            Map<String, Object> data) {
    }

    @GetMapping("/{id}/events")
    @PreAuthorize("hasAnyRole('CIP','COORDINATOR')")
    @Operation(summary = "Everything recorded in a pathway, newest first, with who recorded it: the timeline of the "
            + "pathway's own staff (ACI staff: their ACI; coordinators: their territory). Auditors use the audit")
    List<EventLine> events(@PathVariable @Pattern(regexp = PathwayCommandsController.ID) String id, Caller caller) {
        access.require(caller, id);
        var stream = store.load(id).orElseThrow(() -> ApiException.notFound("pathway", id));
        List<EventLine> lines = new java.util.ArrayList<>();
        for (var stored : stream.events()) {
            var message = stored.message();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = new java.util.LinkedHashMap<>(eventJson.convertValue(message.getPayload(), Map.class));
            String occurredOn = String.valueOf(data.remove("occurredOn"));
            data.remove("pathwayId");
            lines.add(new EventLine(message.getSequenceNumber(), message.getPayloadType().getSimpleName(), occurredOn,
                    message.getTimestamp().toString(),
                    String.valueOf(message.getMetaData().getOrDefault("recordedBy", "system")), data));
        }
        java.util.Collections.reverse(lines);
        return lines;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CIP','ENCADRANT','COORDINATOR','NATIONAL_ANALYST','AUDITOR')")
    @Operation(summary = "A pathway's current state, or its state as of a past date (asOf=yyyy-MM-dd)")
    PathwayView get(@PathVariable @Pattern(regexp = PathwayCommandsController.ID) String id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    Caller caller) {
        access.require(caller, id);
        return asOf == null ? queries.current(id) : queries.asOf(id, asOf);
    }

    /** A page of pathway summaries. */
    public record Page(List<Map<String, Object>> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CIP','ENCADRANT','COORDINATOR','NATIONAL_ANALYST')")
    @Operation(summary = "Pathways of an ACI or a territory, paged (filter by status or programme); each caller's "
            + "list is narrowed to the ACI or territories they work in (a portfolio naming no territory: all of its own)")
    Page list(@RequestParam(required = false) @Pattern(regexp = Requests.CODE) String aciId,
              @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{2,40}") String territory,
              @RequestParam(required = false) @Pattern(regexp = "ACTIVE|EXITED|FOLLOW_UP|CLOSED") String status,
              @RequestParam(required = false) @Pattern(regexp = "PHC|CVG") String programme,
              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
              Caller caller) {
        if (aciId == null && territory == null) {
            throw ApiException.badRequest("aciId", "give an aciId or a territory");
        }
        // asking for someone else's list is refused outright; otherwise the list is narrowed to the caller's scope
        boolean national = caller.is(Role.NATIONAL_ANALYST) && caller.national();
        if (!national && (caller.territories().isEmpty() || territory != null && !caller.seesTerritory(territory))) {
            throw PathwayAccess.notYours("territory", "you list the pathways of your own territories only");
        }
        if (caller.aciStaff() && (caller.aciId() == null || aciId != null && !aciId.equals(caller.aciId()))) {
            throw PathwayAccess.notYours("aciId", "you list the pathways of your own ACI only");
        }
        Document filter = new Document();
        String aci = caller.aciStaff() ? caller.aciId() : aciId;
        if (aci != null) {
            filter.append("aciId", aci);
        }
        if (territory != null) {
            filter.append("territory", territory);   // national, or one of the caller's (checked above)
        } else if (!national) {
            // a territorial caller's list without a territory: the union of their territories (one, or a portfolio's)
            filter.append("territory", new Document("$in", List.copyOf(caller.territories())));
        }
        if (status != null) {
            filter.append("status", status);
        }
        if (programme != null) {
            filter.append("programme", programme);
        }
        List<Map<String, Object>> items = store.documents().list(filter, page * size, size).stream()
                .map(this::summary).toList();
        return new Page(items, page, size, store.documents().count(filter));
    }

    /**
     * One line of a list. weeklyHours, hoursSetOn, plannedEnd and exitedOn are null for a stream not written since
     * the index kept them (read the pathway itself then); so is followUpDue for an exit indexed before its category was.
     */
    private Map<String, Object> summary(Document d) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("pathwayId", d.getString("_id"));
        line.put("participantId", String.valueOf(d.get("participantId")));
        line.put("aciId", String.valueOf(d.get("aciId")));
        line.put("territory", String.valueOf(d.get("territory")));
        line.put("programme", String.valueOf(d.get("programme")));
        line.put("status", String.valueOf(d.get("status")));
        line.put("startedOn", String.valueOf(d.get("startedOn")));
        line.put("weeklyHours", d.get("weeklyHours"));
        line.put("hoursSetOn", d.get("hoursSetOn"));
        line.put("plannedEnd", d.get("plannedEnd"));
        line.put("exitedOn", d.get("exitedOn"));
        line.put("version", d.get("version", Number.class).longValue());
        String category = d.getString(PathwayIndexer.EXIT_CATEGORY);
        if (category != null && d.getString("exitedOn") != null) {
            java.util.Set<Integer> done = new java.util.HashSet<>();
            rules.followUpContactMonths().forEach(m -> {
                if (d.get(PathwayIndexer.FOLLOW_UP_CONTACT + m) != null) {
                    done.add(m);
                }
            });
            line.put("followUpDue", FollowUpDue.of(PathwayStatus.valueOf(d.getString("status")),
                    ExitCategory.valueOf(category), LocalDate.parse(d.getString("exitedOn")), done,
                    LocalDate.now(clock), rules));
        }
        return line;
    }

    /** Result of recomputing a stream's hash chain. */
    public record Verification(String pathwayId, boolean intact, Long firstBrokenSequence, String reason,
                               String headHash) {
    }

    @GetMapping("/{id}/verification")
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    @Operation(summary = "Recompute the pathway's SHA-256 chain and report the first broken link")
    Verification verify(@PathVariable @Pattern(regexp = PathwayCommandsController.ID) String id, Caller caller) {
        access.require(caller, id);
        ChainVerifier.ChainStatus status = chains.chainStatus(id)
                .orElseThrow(() -> ApiException.notFound("pathway", id));
        return status.firstBreak()
                .map(b -> new Verification(id, false, b.sequence(), b.reason(), status.headHash()))
                .orElseGet(() -> new Verification(id, true, null, null, status.headHash()));
    }
}
