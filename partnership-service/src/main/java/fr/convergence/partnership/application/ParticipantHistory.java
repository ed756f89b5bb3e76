package fr.convergence.partnership.application;

import fr.convergence.kit.web.Correlation;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.store.HistoryReadLog;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.partnership.store.ReferralStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything this service published about a participant, for an auditor: the integration events of each of their
 * referrals (one stream per referral, {@code sequence} = position in it), oldest first. Same item shape as
 * participant-service's history, plus {@code stream}. Follow-up groups publish nothing and needs are derived state
 * (their source events are the pathway's), so neither appears here. Every read is recorded.
 */
public class ParticipantHistory {

    public record History(String participantId, List<JsonNode> items) {
    }

    /** One read of a participant's history: who, when, why (the web layer's copy of the read log's entry). */
    public record Read(String at, String by, String purpose, String correlationId) {
    }

    /** A page of the reads of one participant's history in this territory, newest first, and how many in all. */
    public java.util.Map.Entry<Long, List<Read>> reads(String territory, String participantId, int page, int size) {
        var found = reads.of(territory, participantId, page, size);
        return java.util.Map.entry(found.getKey(), found.getValue().stream()
                .map(r -> new Read(r.at(), r.by(), r.purpose(), r.correlationId())).toList());
    }

    /** Within a referral dates never go back, so this keeps each stream in order and interleaves the streams. */
    private static final Comparator<JsonNode> CHRONOLOGICAL = Comparator
            .comparing((JsonNode i) -> i.path("occurredOn").asString(""))
            .thenComparing(i -> i.path("recordedAt").asString(""))
            .thenComparing(i -> i.path("stream").asString(""))
            .thenComparingLong(i -> i.path("sequence").asLong());

    private final ParticipantStore participants;
    private final ReferralStore referrals;
    private final HistoryReadLog reads;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public ParticipantHistory(ParticipantStore participants, ReferralStore referrals,
                              HistoryReadLog reads, Clock clock) {
        this.participants = participants;
        this.referrals = referrals;
        this.reads = reads;
        this.clock = clock;
    }

    /** 404 when the territory never heard of the participant (neither pathway event nor referral). */
    public History of(String territory, String participantId, String auditor, String purpose) {
        ParticipantStore.ParticipantState participant = participants.find(territory, participantId)
                .orElseThrow(() -> new NotFound("participant", participantId));
        reads.record(territory, participantId, auditor, purpose, clock.instant(), Correlation.current());
        List<JsonNode> items = new ArrayList<>();
        for (var summary : participant.referrals()) {
            referrals.events(summary.getString("referralId")).ifPresent(r -> items.addAll(itemsOf(r)));
        }
        items.sort(CHRONOLOGICAL);
        return new History(participantId, items);
    }

    private List<JsonNode> itemsOf(ReferralStore.ReferralEvents events) {
        Referral r = events.referral();
        List<Referral.Step> steps = r.history();
        int missing = Math.max(0, steps.size() - events.published().size());
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            items.add(reconstructed(r, steps.get(i), i + 1));
        }
        for (String published : events.published()) {
            ObjectNode event = (ObjectNode) json.readTree(published);
            ObjectNode item = json.createObjectNode().put("stream", r.id()).put("sequence", items.size() + 1);
            for (String field : List.of("eventId", "type", "occurredOn", "recordedAt", "recordedBy", "correlationId",
                    "data")) {
                JsonNode value = event.get(field);
                item.set(field, value == null ? item.nullNode() : value);
            }
            items.add(item);
        }
        return items;
    }

    /**
     * A step of a referral written before its events were kept: what the step itself recorded (type, date, actor),
     * without the event id or recording instant it was published with, and flagged as such.
     */
    private ObjectNode reconstructed(Referral r, Referral.Step step, long sequence) {
        ObjectNode item = json.createObjectNode().put("stream", r.id()).put("sequence", sequence);
        item.putNull("eventId");
        item.put("type", step.status().eventType()).put("occurredOn", step.on().toString());
        item.putNull("recordedAt");
        item.put("recordedBy", step.by());
        item.putNull("correlationId");
        item.putObject("data").put("referralId", r.id()).put("partnerId", r.partnerId())
                .put("domain", r.domain().name()).put("status", step.status().name())
                .put("proposedOn", r.proposedOn().toString());
        item.put("reconstructed", true);
        return item;
    }
}
