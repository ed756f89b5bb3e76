package fr.convergence.participant.registration;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.Correlation;
import fr.convergence.participant.accesslog.AccessEntry;
import fr.convergence.participant.accesslog.AccessLog;
import fr.convergence.participant.crypto.BlindIndex;
import fr.convergence.participant.crypto.BlindIndexes;
import fr.convergence.participant.crypto.KeyVault;
import fr.convergence.participant.crypto.PersonalDataCipher;
import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.AciId;
import fr.convergence.participant.domain.AgeBand;
import fr.convergence.participant.domain.ParticipantRules;
import fr.convergence.participant.domain.ParticipantStatus;
import fr.convergence.participant.domain.PersonalData;
import fr.convergence.participant.domain.PseudonymousId;
import fr.convergence.kit.problem.RuleViolation;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.participant.domain.event.IntegrationEvent;
import fr.convergence.participant.domain.event.ParticipantErased;
import fr.convergence.participant.domain.event.ParticipantMoved;
import fr.convergence.participant.domain.event.ParticipantContactRectified;
import fr.convergence.participant.domain.event.ParticipantRegistered;
import fr.convergence.participant.publishing.EventClock;
import fr.convergence.participant.publishing.OutboxEntry;
import fr.convergence.participant.publishing.OutboxRelay;
import fr.convergence.participant.publishing.ParticipantContract;
import fr.convergence.participant.reference.ReferenceService;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

import static fr.convergence.participant.publishing.Outboxed.ID;
import static fr.convergence.participant.registration.ParticipantStore.*;

/**
 * Registration, moves, reads, history, search and erasure of participants; a participant belongs to the territory
 * of their ACI.
 *
 * <p>Every write is one document write holding the change and its integration events; the outbox relay then
 * publishes them. Every read of personal data is recorded in the access log first: if the record cannot be
 * written, the data is not shown (fail closed).
 */
public class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);
    public static final String SOURCE = "participants";
    private static final int ATTEMPTS = 5;

    private final ParticipantStore store;
    private final ReferenceService reference;
    private final KeyVault vault;
    private final PersonalDataCipher cipher;
    private final BlindIndexes blindIndexes;
    private final ParticipantContract contract;
    private final OutboxRelay relay;
    private final EventClock clock;
    private final AccessLog accessLog;
    private final ParticipantAccess access;
    private final JsonMapper json = JsonMapper.builder().build();

    ParticipantService(ParticipantStore store, ReferenceService reference, KeyVault vault, PersonalDataCipher cipher,
                       BlindIndexes blindIndexes, ParticipantContract contract, OutboxRelay relay, EventClock clock,
                       AccessLog accessLog, ParticipantAccess access) {
        this.store = store;
        this.reference = reference;
        this.vault = vault;
        this.cipher = cipher;
        this.blindIndexes = blindIndexes;
        this.contract = contract;
        this.relay = relay;
        this.clock = clock;
        this.accessLog = accessLog;
        this.access = access;
    }

    /** ACI staff register people into their own ACI only (403 territory-not-yours otherwise). */
    ParticipantViews.Registered register(PersonalData data, String referentId, String aciId, Caller caller) {
        ParticipantAccess.requireWorksInAci(caller, aciId);
        String actor = caller.userId();
        ParticipantRules.checkBirthDate(data.birthDate(), clock.today());
        String territory = territoryOfOpenAci(aciId, "aciId");
        BlindIndex blindIndex = blindIndexes.forTerritory(territory);
        AgeBand ageBand = AgeBand.of(data.birthDate(), clock.today());
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = PseudonymousId.next();
            // The key is created before the document: a crash in between leaves an unused key, never data
            // without its key. A key already there means the id is taken (never touch that key): draw again.
            byte[] key;
            try {
                key = vault.create(id);
            } catch (KeyVault.KeyAlreadyExists taken) {
                continue;
            }
            Document state = new Document(ID, id)
                    .append(TERRITORY, territory).append(ACI, aciId).append(REFERENT, referentId)
                    .append(STATUS, ParticipantStatus.ACTIVE.name()).append(ERASED, false)
                    .append(REGISTERED_AT, clock.now().toString())
                    .append(PERSONAL, cipher.seal(data, id, key))
                    .append(LAST_NAME_INDEX, blindIndex.lastName(data.lastName()))
                    .append(FIRST_NAME_INDEX, blindIndex.firstName(data.firstName()));
            IntegrationEvent registered = new ParticipantRegistered(id, territory, aciId, referentId, ageBand,
                    ParticipantStatus.ACTIVE);
            if (store.insert(state, List.of(contract.render(registered, clock.context(actor), 1)))) {
                relay.schedule(SOURCE, id);
                // operational logs name the pseudonymous id only, never the person
                log.info("participant {} registered in {} by {}", id, aciId, actor);
                return new ParticipantViews.Registered(id, territory, aciId, referentId, ageBand.label(),
                        ParticipantStatus.ACTIVE);
            }
            vault.destroy(id); // id taken by an erased participant: drop the key we just made, draw another
        }
        throw new IllegalStateException("could not draw a free pseudonymous id");
    }

    /** A participant the caller does not see is 404; a target ACI outside the caller's territory is 403. */
    ParticipantViews.Registered move(String id, String toAciId, String newReferentId, Caller caller) {
        String actor = caller.userId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredParticipant p = access.visible(caller, id);
            ParticipantAccess.requireWorksInAci(caller, toAciId);
            ParticipantRules.checkMove(p.status(), p.territory(), p.aciId(), toAciId);
            territoryOfOpenAci(toAciId, "aciId");
            String referent = newReferentId != null ? newReferentId : p.referentId();
            IntegrationEvent moved = new ParticipantMoved(id, p.territory(), p.aciId(), toAciId, referent);
            List<OutboxEntry> events = List.of(contract.render(moved, clock.context(actor), p.version() + 1));
            if (store.change(id, p.version(), new Document(ACI, toAciId).append(REFERENT, referent), null, events)) {
                relay.schedule(SOURCE, id);
                log.info("participant {} moved from {} to {} by {}", id, p.aciId(), toAciId, actor);
                return new ParticipantViews.Registered(id, p.territory(), toAciId, referent, null, p.status());
            }
        }
        throw new StateConflict("concurrent-update", "participant " + id + " kept changing; reload and try again");
    }

    /**
     * Rectification of contact details (GDPR Art. 16): the sealed data is opened, the contact fields replaced and
     * sealed again, in one conditional write with the event naming the fields changed. Recorded in the access log
     * before it happens, like a read (the caller sees the data). Nothing changed: nothing written, no event.
     */
    ParticipantViews.Full rectifyContact(String id, String phone, String email, String address, Caller caller) {
        String actor = caller.userId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredParticipant p = access.visible(caller, id);
            if (p.status() == ParticipantStatus.ERASED || p.sealedPersonalData() == null) {
                throw new StateConflict("participant-erased", "participant " + id + " was erased: nothing to correct");
            }
            byte[] key = vault.get(id).orElseThrow(() ->
                    new StateConflict("participant-erased", "participant " + id + " was erased: nothing to correct"));
            PersonalData before = cipher.open(p.sealedPersonalData(), id, key);
            List<String> changed = new java.util.ArrayList<>();
            if (!java.util.Objects.equals(before.phone(), phone)) {
                changed.add("phone");
            }
            if (!java.util.Objects.equals(before.email(), email)) {
                changed.add("email");
            }
            if (!java.util.Objects.equals(before.address(), address)) {
                changed.add("address");
            }
            record(id, caller, "rectification", "rectify");
            if (changed.isEmpty()) {
                return reveal(p);
            }
            PersonalData after = new PersonalData(before.firstName(), before.lastName(), before.birthDate(), phone,
                    email, address);
            IntegrationEvent rectified = new ParticipantContactRectified(id, p.territory(), p.aciId(), changed);
            List<OutboxEntry> events = List.of(contract.render(rectified, clock.context(actor), p.version() + 1));
            if (store.change(id, p.version(), new Document(PERSONAL, cipher.seal(after, id, key)), null, events)) {
                relay.schedule(SOURCE, id);
                log.info("participant {} contact details rectified by {}: {}", id, actor, changed);
                return reveal(load(id));
            }
        }
        throw new StateConflict("concurrent-update", "participant " + id + " kept changing; reload and try again");
    }

    /**
     * Crypto-erasure: one write removes the sealed data and the blind-index hashes and records ParticipantErased;
     * then the participant's key is destroyed, which also makes any copy of the sealed data in backups
     * unreadable. Idempotent: erasing again destroys the key again and changes nothing else.
     */
    ParticipantViews.Full erase(String id, Caller caller) {
        String actor = caller.userId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredParticipant p = access.visible(caller, id);
            if (p.status() == ParticipantStatus.ERASED) {
                vault.destroy(id);
                return ParticipantViews.Full.erased(p);
            }
            IntegrationEvent erased = new ParticipantErased(id, p.territory(), p.aciId());
            List<OutboxEntry> events = List.of(contract.render(erased, clock.context(actor), p.version() + 1));
            Document set = new Document(STATUS, ParticipantStatus.ERASED.name()).append(ERASED, true)
                    .append(ERASED_AT, clock.now().toString());
            Document unset = new Document(PERSONAL, "").append(LAST_NAME_INDEX, "").append(FIRST_NAME_INDEX, "");
            if (store.change(id, p.version(), set, unset, events)) {
                vault.destroy(id);
                relay.schedule(SOURCE, id);
                log.info("participant {} erased by {}: key destroyed", id, actor);
                return ParticipantViews.Full.erased(load(id));
            }
        }
        throw new StateConflict("concurrent-update", "participant " + id + " kept changing; reload and try again");
    }

    /** The full record of a participant the caller sees, recorded in the access log before it is shown. */
    ParticipantViews.Full read(String id, Caller caller, String purpose) {
        StoredParticipant p = access.visible(caller, id);
        record(id, caller, purpose, "read");
        return reveal(p);
    }

    /**
     * The pseudonymous record of a participant the caller sees, for the national team: nothing personal is opened
     * (the key is not even fetched), so there is no personal-data read to record.
     */
    ParticipantViews.Pseudonymous readPseudonymous(String id, Caller caller) {
        return ParticipantViews.Pseudonymous.of(access.visible(caller, id));
    }

    /**
     * Search within an ACI or a territory the caller works in (403 territory-not-yours otherwise). ACI staff
     * searching their territory get their own ACI's people only.
     */
    ParticipantViews.Page<ParticipantViews.Summary> search(ParticipantRequests.Search s, Caller caller, String purpose) {
        if (caller.is(fr.convergence.kit.security.Role.AUDITOR) && caller.national()) {
            // names are searched within a territory's blind index; the national auditor works from pseudonymous ids
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "territory-not-yours", "territory",
                    "a national auditor finds a person by pseudonymous id, not by name");
        }
        Document filter = new Document();
        String territory;
        if (s.aciId() != null) {
            ParticipantAccess.requireWorksInAci(caller, s.aciId());
            filter.append(ACI, s.aciId());
            territory = AciId.territoryOf(s.aciId()).orElse(null);
        } else if (s.territory() != null) {
            ParticipantAccess.requireWorksInTerritory(caller, s.territory());
            if (caller.aciId() != null) {
                filter.append(ACI, caller.aciId());
            } else {
                filter.append(TERRITORY, s.territory());
            }
            territory = s.territory();
        } else {
            throw ApiException.badRequest("aciId", "search within an ACI (aciId) or a territory (territory)");
        }
        int page = s.page() == null ? 0 : s.page();
        int size = s.size() == null ? 20 : s.size();
        if (territory == null || reference.find(territory).isEmpty()) {
            return new ParticipantViews.Page<>(page, size, 0, List.of()); // nobody can be registered there
        }
        BlindIndex blindIndex = blindIndexes.forTerritory(territory);
        if (s.lastName() != null && !s.lastName().isBlank()) {
            filter.append(LAST_NAME_INDEX, blindIndex.lastName(s.lastName()));
        }
        if (s.firstName() != null && !s.firstName().isBlank()) {
            filter.append(FIRST_NAME_INDEX, blindIndex.firstName(s.firstName()));
        }
        if (s.status() != null) {
            filter.append(STATUS, s.status().name());
        }
        List<StoredParticipant> hits = store.search(filter, page * size, size);
        // every hit recorded, in one write, before any is shown
        accessLog.recordAll(hits.stream().map(StoredParticipant::id).toList(), new AccessEntry(clock.now(),
                caller.userId(), caller.role().claim(), purpose, "search", Correlation.current()));
        java.util.Map<String, byte[]> keys = vault.getAll(hits.stream().map(StoredParticipant::id).toList());
        List<ParticipantViews.Summary> items = hits.stream()
                .map(p -> ParticipantViews.Summary.of(reveal(p, Optional.ofNullable(keys.get(p.id()))))).toList();
        return new ParticipantViews.Page<>(page, size, store.count(filter), items);
    }

    private ParticipantViews.Full reveal(StoredParticipant p) {
        if (p.status() == ParticipantStatus.ERASED || p.sealedPersonalData() == null) {
            return ParticipantViews.Full.erased(p);
        }
        return reveal(p, vault.get(p.id()));
    }

    /** The person's data opened with {@code key} (read beforehand, e.g. for a whole page of hits at once). */
    private ParticipantViews.Full reveal(StoredParticipant p, Optional<byte[]> key) {
        if (p.status() == ParticipantStatus.ERASED || p.sealedPersonalData() == null) {
            return ParticipantViews.Full.erased(p);
        }
        if (key.isEmpty()) {
            // erased in the vault but not (yet) in the document: unreadable is the same as erased
            return ParticipantViews.Full.erased(p);
        }
        return ParticipantViews.Full.of(p, cipher.open(p.sealedPersonalData(), p.id(), key.get()), clock.today());
    }

    /**
     * The participant's full history for an auditor: every event this service published about them, the
     * registration enriched with the personal data as it reads now (or "[erased]"). Recorded like any read.
     */
    ParticipantViews.History history(String id, Caller caller, String purpose) {
        StoredParticipant p = access.visible(caller, id);
        record(id, caller, purpose, "history");
        ParticipantViews.Full now = reveal(p);
        List<JsonNode> items = new java.util.ArrayList<>();
        for (String published : store.history(id)) {
            ObjectNode event = (ObjectNode) json.readTree(published);
            ObjectNode item = json.createObjectNode();
            for (String field : List.of("eventId", "type", "occurredOn", "recordedAt", "recordedBy", "correlationId")) {
                item.set(field, event.get(field));
            }
            item.put("sequence", items.size());
            ObjectNode data = (ObjectNode) event.get("data");
            if ("ParticipantRegistered".equals(event.get("type").asString())) {
                data.put("firstName", now.firstName()).put("lastName", now.lastName())
                        .put("birthDate", now.birthDate()).put("phone", now.phone()).put("email", now.email())
                        .put("address", now.address());
            }
            item.set("data", data);
            items.add(item);
        }
        return new ParticipantViews.History(id, now.erased(), items);
    }

    private StoredParticipant load(String id) {
        return store.load(id).orElseThrow(() -> ApiException.notFound("participant", id));
    }

    /** Who (the token's subject and role) read whose data, when, why and how; written before the data is shown. */
    private void record(String participantId, Caller caller, String purpose, String action) {
        accessLog.record(participantId, new AccessEntry(clock.now(), caller.userId(), caller.role().claim(), purpose,
                action, Correlation.current()));
    }

    /**
     * The territory of an ACI that exists in the reference data and is in the programme today; 422 naming
     * {@code field} otherwise (an ACI that left, or has not joined yet, takes no one in).
     */
    private String territoryOfOpenAci(String aciId, String field) {
        String territory = AciId.territoryOf(aciId).filter(t -> reference.aci(t, aciId).isPresent())
                .orElseThrow(() -> new RuleViolation("unknown-aci", field, "ACI " + aciId + " does not exist"));
        Aci aci = reference.aci(territory, aciId).orElseThrow();
        if (!aci.inProgrammeOn(clock.today())) {
            throw new RuleViolation("aci-not-in-programme", field, "ACI " + aciId + " is not in the programme on "
                    + clock.today() + " (joined " + aci.joinedOn() + ", left " + aci.leftOn() + ")");
        }
        return territory;
    }
}
