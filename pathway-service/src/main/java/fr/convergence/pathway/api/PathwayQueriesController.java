package fr.convergence.pathway.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
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
    private final PathwayReads reads;
    private final PathwayAccess access;

    PathwayQueriesController(PathwayQueries queries, PathwayReads reads, PathwayAccess access) {
        this.queries = queries;
        this.reads = reads;
        this.access = access;
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
        return reads.events(id);
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
        return reads.list(filter, page, size);
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
        return reads.verification(id).orElseThrow(() -> ApiException.notFound("pathway", id));
    }
}
