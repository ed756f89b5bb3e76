package fr.convergence.partnership.publishing;

import fr.convergence.contracts.Topics;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.domain.Agreement;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.domain.ReferralReasons;
import fr.convergence.partnership.domain.ReferralStatus;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the published integration contract {@code partnership-event v1}
 * (contracts/src/main/resources/contracts/partnership-event.v1.schema.json) on {@code convergence.<territory>.partnership.v1}.
 * Referral events are keyed by the participant's pseudonymous id, partner events by the partner id. No names of
 * participants ever leave; partner names are those of organisations.
 */
public class PartnershipContract {

    public static final int SCHEMA_VERSION = 1;
    /**
     * Revision 2 of v1 (issue 21 finding 8): {@code data.reason} is a code of the reason table, never text. Readers
     * of revision 1 events (no {@code revision} field) keep accepting any text there; nothing else changed, so the
     * topic stays v1.
     */
    public static final int SCHEMA_REVISION = 2;
    public static final String SOURCE = "partnership-service";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public PartnershipContract(Clock clock) {
        this.clock = clock;
    }

    public OutgoingRecord referralEvent(Referral r, String recordedBy, String correlationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.id());
        data.put("partnerId", r.partnerId());
        data.put("domain", r.domain().name());
        data.put("status", r.status().name());
        data.put("proposedOn", r.proposedOn().toString());
        if (r.status() == ReferralStatus.COMPLETED) {
            data.put("outcome", r.outcome());
        }
        // only a code ever leaves: a referral stored before codes (free text) publishes no reason at all
        if (r.reason() != null && ReferralReasons.CODE.matcher(r.reason()).matches()
                && (r.status() == ReferralStatus.DECLINED || r.status() == ReferralStatus.CANCELLED)) {
            data.put("reason", r.reason());
        }
        return envelope(r.status().eventType(), r.territory(), r.participantId(), r.participantId(), r.lastStepOn(),
                recordedBy, correlationId, data);
    }

    public OutgoingRecord partnerEvent(String type, Partner p, LocalDate occurredOn, String recordedBy, String correlationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", p.id());
        data.put("name", p.name());
        data.put("domains", p.domains().stream().sorted().map(Enum::name).toList());
        return envelope(type, p.territory(), null, p.id(), occurredOn, recordedBy, correlationId, data);
    }

    public OutgoingRecord agreementEvent(String type, Partner p, Agreement a, LocalDate occurredOn, String recordedBy,
                                         String correlationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", p.id());
        data.put("agreementId", a.id());
        data.put("startsOn", a.startsOn().toString());
        data.put("endsOn", a.endsOn() == null ? null : a.endsOn().toString());
        data.put("scope", a.scope().stream().sorted().map(Enum::name).toList());
        if (a.endedOn() != null) {
            data.put("endedOn", a.endedOn().toString());
        }
        return envelope(type, p.territory(), null, p.id(), occurredOn, recordedBy, correlationId, data);
    }

    private OutgoingRecord envelope(String type, String territory, String participantId, String key, LocalDate occurredOn,
                                    String recordedBy, String correlationId, Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        e.put("type", type);
        e.put("schemaVersion", SCHEMA_VERSION);
        e.put("revision", SCHEMA_REVISION);
        e.put("source", SOURCE);
        e.put("territory", territory);
        e.put("participantId", participantId);
        e.put("occurredOn", occurredOn.toString());
        e.put("recordedAt", clock.instant().toString());
        e.put("recordedBy", recordedBy);
        e.put("correlationId", correlationId);
        e.put("data", data);
        return new OutgoingRecord(Topics.partnership(territory), key, eventId, correlationId, json.writeValueAsString(e));
    }
}
