package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every consumer that parks the events it cannot apply, as one list: the admin page is written over it, so a new
 * consumer's dead letters (pathway-service's, when it has some) are one line here. Each service answers its list
 * in its own shape (a page or a bare array; {@code _id} or {@code id}); {@link Letter} is the common reading.
 */
@Component
public class DeadLetterSources {

    /** A consumer's dead letters: its French name, its service and the route of its list. */
    public record Source(String code, String label, ServiceCalls calls, String path) {
    }

    /** One parked record, read tolerantly: what the admin needs to decide (no event body: it is the service's). */
    public record Letter(String source, String id, String topic, long offset, String reason, String detail,
                         String parkedAt, int attempts, String status, String note) {
    }

    /** The list of one source, or why it could not be read (the page says so and shows the others). */
    public record Listing(Source source, List<Letter> letters, String unavailable) {
    }

    private final List<Source> sources;

    DeadLetterSources(@Value("${convergence.workspace.partnership-url}") String partnership,
                      @Value("${convergence.workspace.reporting-url}") String reporting,
                      @Value("${convergence.workspace.pathway-url}") String pathway, JsonMapper json) {
        this.sources = List.of(
                new Source("partenariats", "Partenariats (besoins et orientations)", new ServiceCalls(partnership, json),
                        "/api/partnerships/dead-letters"),
                new Source("indicateurs", "Indicateurs nationaux", new ServiceCalls(reporting, json),
                        "/api/reporting/dead-letters"),
                new Source("parcours", "Parcours", new ServiceCalls(pathway, json), "/api/pathways/dead-letters"));
    }

    public List<Source> sources() {
        return sources;
    }

    public Optional<Source> source(String code) {
        return sources.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public List<Listing> listAll(StaffMember who) {
        List<Listing> all = new ArrayList<>();
        for (Source s : sources) {
            try {
                all.add(new Listing(s, list(who, s), null));
            } catch (ServiceProblem p) {
                all.add(new Listing(s, List.of(), p.notFound()
                        ? "Ce service n'expose pas (encore) de lettres mortes."
                        : "Ce service n'a pas répondu (" + p.status() + ")."));
            } catch (org.springframework.web.client.ResourceAccessException down) {
                all.add(new Listing(s, List.of(), "Ce service est injoignable."));
            }
        }
        return all;
    }

    List<Letter> list(StaffMember who, Source s) {
        JsonNode answer = s.calls().get(who, s.path() + "?size=200", Map.of());
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        List<Letter> letters = new ArrayList<>();
        for (JsonNode l : items) {
            String id = l.hasNonNull("id") ? l.path("id").asString() : l.path("_id").asString("");
            letters.add(new Letter(s.code(), id, l.path("topic").asString(""), l.path("offset").asLong(),
                    l.path("reason").asString(""), l.path("detail").asString(""), l.path("parkedAt").asString(""),
                    l.path("attempts").asInt(), l.path("status").asString("PARKED"), l.path("note").asString("")));
        }
        return letters;
    }

    /** Gives up on a parked record for good, saying why; the service keeps it on record as DISCARDED. */
    public JsonNode discard(StaffMember who, Source s, String id, String note, String idempotencyKey) {
        return s.calls().post(who, s.path() + "/" + segment(id) + "/discard", Map.of("note", note),
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** Reprocesses one parked record; a record that still fails stays parked (422 dead-letter-still-failing). */
    public JsonNode retry(StaffMember who, Source s, String id, String idempotencyKey) {
        return s.calls().post(who, s.path() + "/" + segment(id) + "/retry", Map.of(),
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /**
     * A letter's id in a path: ids are {@code topic:partition:offset} (or a service's own id), all characters legal in
     * a path segment. They are sent as they are: the HTTP client encodes what a URI needs, and encoding them here
     * too sent {@code %253A} for a colon, which the service's firewall refuses. Anything else is no letter of ours.
     */
    static String segment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._:-]{1,300}")) {
            throw new ServiceProblem(404, "not-found", null, "no such dead letter", java.util.List.of());
        }
        return id;
    }
}
