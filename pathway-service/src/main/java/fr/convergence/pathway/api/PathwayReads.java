package fr.convergence.pathway.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.domain.ExitCategory;
import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.ProgrammeRules;
import fr.convergence.pathway.store.ChainVerifier;
import fr.convergence.pathway.store.PathwayIndexer;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of the pathway store behind the query endpoints that are not a pathway's state: its timeline of events,
 * the list pages of the pathway index, and the hash-chain check. Access is checked by the caller (the controller)
 * before any of them; here the store is read and its documents turned into the answers.
 */
@Component
class PathwayReads {

    private final StreamDocumentStorageEngine store;
    private final ChainVerifier chains;
    private final com.fasterxml.jackson.databind.ObjectMapper eventJson;
    private final ProgrammeRules rules;
    private final Clock clock;

    PathwayReads(StreamDocumentStorageEngine store, ChainVerifier chains,
                 com.fasterxml.jackson.databind.ObjectMapper eventObjectMapper, ProgrammeRules rules, Clock clock) {
        this.store = store;
        this.chains = chains;
        this.eventJson = eventObjectMapper;
        this.rules = rules;
        this.clock = clock;
    }

    /** Everything recorded in the pathway, newest first; 404 if there is no such pathway. */
    List<PathwayQueriesController.EventLine> events(String id) {
        var stream = store.load(id).orElseThrow(() -> ApiException.notFound("pathway", id));
        List<PathwayQueriesController.EventLine> lines = new java.util.ArrayList<>();
        for (var stored : stream.events()) {
            var message = stored.message();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = new java.util.LinkedHashMap<>(eventJson.convertValue(message.getPayload(), Map.class));
            String occurredOn = String.valueOf(data.remove("occurredOn"));
            data.remove("pathwayId");
            lines.add(new PathwayQueriesController.EventLine(message.getSequenceNumber(),
                    message.getPayloadType().getSimpleName(), occurredOn, message.getTimestamp().toString(),
                    String.valueOf(message.getMetaData().getOrDefault("recordedBy", "system")), data));
        }
        java.util.Collections.reverse(lines);
        return lines;
    }

    /** One page of the pathways the filter (already narrowed to the caller's scope) selects. */
    PathwayQueriesController.Page list(Document filter, int page, int size) {
        List<Map<String, Object>> items = store.documents().list(filter, page * size, size).stream()
                .map(this::summary).toList();
        return new PathwayQueriesController.Page(items, page, size, store.documents().count(filter));
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

    /** The pathway's recomputed hash chain: intact, or its first broken link; empty if there is no such pathway. */
    Optional<PathwayQueriesController.Verification> verification(String id) {
        return chains.chainStatus(id).map(status -> status.firstBreak()
                .map(b -> new PathwayQueriesController.Verification(id, false, b.sequence(), b.reason(),
                        status.headHash()))
                .orElseGet(() -> new PathwayQueriesController.Verification(id, true, null, null, status.headHash())));
    }
}
