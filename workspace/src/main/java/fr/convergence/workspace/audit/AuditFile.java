package fr.convergence.workspace.audit;

import fr.convergence.workspace.person.Timeline;
import fr.convergence.workspace.web.Labels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an auditor reads of one person, in French: the history across services as one timeline, the hash-chain
 * verification said plainly (intact, or broken at which event of which pathway, and how), and the reads of the file.
 * Pure functions of the services' answers, so that they are tested without a service.
 */
final class AuditFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event of the history; {@code broken} marks the event where a chain verification failed. */
    record Event(String date, String source, String title, String detail, String recordedBy, String recordedAt,
                 String stream, long sequence, boolean broken) {
    }

    /** One pathway's chain: intact, or the first event that does not match and why, in French. */
    record Chain(String pathwayId, boolean intact, Long brokenAt, String why, String headHash) {
    }

    record Read(String at, String who, String what) {
    }

    private AuditFile() {
    }

    static List<Chain> chains(JsonNode verification) {
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : verification.path("pathways").properties()) {
            JsonNode c = e.getValue();
            boolean intact = c.path("intact").asBoolean(false);
            chains.add(new Chain(e.getKey(), intact, intact ? null : c.path("firstBrokenSequence").asLong(),
                    intact ? null : why(c.path("reason").asString("")), c.path("headHash").asString("")));
        }
        return chains;
    }

    /** pathway-service's reasons (StreamDocumentStorageEngine.ChainBreak) said in French; another one as is. */
    static String why(String reason) {
        if (reason.startsWith("previous-hash link broken")) {
            return "le lien avec l'événement précédent est rompu : un événement a été supprimé ou déplacé";
        }
        if (reason.startsWith("content does not match its hash")) {
            return "son contenu ne correspond plus à son empreinte : l'événement a été modifié après coup";
        }
        if (reason.startsWith("head hash mismatch")) {
            return "la dernière empreinte enregistrée ne correspond pas : des événements ont été retirés en fin de chaîne";
        }
        return reason;
    }

    static List<Event> timeline(JsonNode history, List<Chain> chains, Labels labels) {
        List<Event> events = new ArrayList<>();
        for (JsonNode i : history.path("items")) {
            String service = i.path("service").asString("");
            String type = i.path("type").asString("");
            String title;
            String detail = null;
            if ("pathway-service".equals(service)) {
                // the CIP's timeline already says every pathway event in French: one wording for both
                List<Timeline.Entry> one = Timeline.ofEvents(JSON.createObjectNode(),
                        JSON.createArrayNode().add(i), labels);
                title = one.get(0).title();
                detail = one.get(0).detail();
            } else if (Labels.PARTICIPANT_EVENTS.containsKey(type)) {
                title = Labels.PARTICIPANT_EVENTS.get(type);
                detail = participantDetail(type, i.path("data"), labels);
            } else if (Labels.PARTNERSHIP_EVENTS.containsKey(type)) {
                title = Labels.PARTNERSHIP_EVENTS.get(type);
                detail = partnershipDetail(i.path("data"), labels);
            } else {
                title = "Autre événement (" + type + ")";
            }
            String stream = i.path("stream").asString("");
            long sequence = i.path("sequence").asLong();
            boolean broken = chains.stream().anyMatch(c -> !c.intact() && c.pathwayId().equals(stream)
                    && c.brokenAt() != null && c.brokenAt() == sequence);
            events.add(new Event(labels.date(i.path("occurredOn").asString(null)), labels.source(service), title, detail,
                    i.path("recordedBy").asString(""), labels.instant(i.path("recordedAt").asString(null)), stream,
                    sequence, broken));
        }
        return events;
    }

    private static String participantDetail(String type, JsonNode d, Labels labels) {
        return switch (type) {
            case "ParticipantRegistered" -> d.hasNonNull("aciId") ? "Dans " + labels.aci(d.path("aciId").asString()) : null;
            case "ParticipantMoved" -> "De " + labels.aci(d.path("fromAciId").asString("")) + " vers "
                    + labels.aci(d.path("toAciId").asString(d.path("aciId").asString("")));
            default -> null;
        };
    }

    private static String partnershipDetail(JsonNode d, Labels labels) {
        List<String> parts = new ArrayList<>();
        if (d.hasNonNull("domain")) {
            parts.add(labels.partnerDomain(d.path("domain").asString()));
        }
        if (d.hasNonNull("outcome")) {
            parts.add("issue : " + labels.referralOutcome(d.path("outcome").asString()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** participant-service's access log: who read the personal data, when, why and how. */
    static List<Read> personalDataReads(JsonNode log, Labels labels) {
        List<Read> reads = new ArrayList<>();
        for (JsonNode e : log.path("items")) {
            reads.add(new Read(labels.instant(e.path("at").asString(null)), e.path("who").asString(""),
                    Labels.label(ACTIONS, e.path("action").asString("")) + " — "
                            + Labels.label(PURPOSES, e.path("purpose").asString(""))));
        }
        return reads;
    }

    /** partnership-service's trail: who read the person's referrals and follow-up history, when and why. Newest first. */
    static List<Read> partnershipReads(JsonNode page, Labels labels) {
        List<Read> reads = new ArrayList<>();
        if (page == null) {
            return reads;
        }
        for (JsonNode r : page.path("items")) {
            reads.add(new Read(labels.instant(r.path("at").asString(null)), r.path("by").asString(""),
                    "Orientations et suivi — " + Labels.label(PURPOSES, r.path("purpose").asString(""))));
        }
        return reads;
    }

    /** pathway-service's audit reads: who opened this history, when and which part. Newest first. */
    static List<Read> historyReads(JsonNode reads, Labels labels) {
        List<Read> out = new ArrayList<>();
        for (JsonNode r : reads) {
            out.add(0, new Read(labels.instant(r.path("at").asString(null)), r.path("auditor").asString(""),
                    what(r.path("what").asString(""), labels)));
        }
        return out;
    }

    /** pathway-service writes what was read as a short phrase ("history page 0", "state as of 2026-03-01"). */
    static String what(String what, Labels labels) {
        if (what.startsWith("history")) {
            return "Historique";
        }
        if (what.startsWith("state as of ")) {
            return "État au " + labels.date(what.substring("state as of ".length()));
        }
        if (what.startsWith("export ")) {
            return "Export " + what.substring("export ".length()).toUpperCase(java.util.Locale.ROOT);
        }
        return "Autre lecture (" + what + ")";
    }

    static final Map<String, String> ACTIONS = Map.of("read", "Lecture de la fiche", "search", "Recherche par nom",
            "history", "Lecture de l'historique", "rectify", "Correction des coordonnées");
    static final Map<String, String> PURPOSES = Map.of("case-follow-up", "suivi du parcours",
            "duplicate-check", "vérification de doublon", "monthly-hours", "heures du mois", "audit", "audit",
            "territory-coordination", "coordination du territoire", "rectification", "droit de rectification");
}
