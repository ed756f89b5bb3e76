package fr.convergence.participant.reference;

import fr.convergence.kit.web.ApiException;
import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.AciContact;
import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.Siret;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.participant.domain.Territory;
import fr.convergence.participant.domain.event.AciChanged;
import fr.convergence.participant.domain.event.AciCreated;
import fr.convergence.participant.domain.event.IntegrationEvent;
import fr.convergence.participant.domain.event.TerritoryChanged;
import fr.convergence.participant.domain.event.TerritoryCreated;
import fr.convergence.participant.publishing.EventClock;
import fr.convergence.participant.publishing.EventContext;
import fr.convergence.participant.publishing.OutboxEntry;
import fr.convergence.participant.publishing.OutboxRelay;
import fr.convergence.participant.publishing.ParticipantContract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Territories and their ACI, changed while the service runs. Each change is a read-modify-write of the
 * territory document under its version, retried a few times if another change slipped in between.
 */
public class ReferenceService {

    public static final String SOURCE = "territories";
    private static final int ATTEMPTS = 5;

    private final ReferenceStore store;
    private final ParticipantContract contract;
    private final OutboxRelay relay;
    private final EventClock clock;

    public ReferenceService(ReferenceStore store, ParticipantContract contract, OutboxRelay relay, EventClock clock) {
        this.store = store;
        this.contract = contract;
        this.relay = relay;
        this.clock = clock;
    }

    public Optional<ReferenceStore.Versioned> find(String code) {
        return store.load(code);
    }

    /** The ACI of a territory, if both exist. */
    public Optional<Aci> aci(String territory, String aciId) {
        return store.load(territory).flatMap(v -> v.territory().aci(aciId));
    }

    public List<ReferenceStore.Versioned> all() {
        return store.all();
    }

    public ReferenceStore.Versioned createTerritory(String code, String name, String actor) {
        Territory territory = new Territory(code, name, List.of(), 0);
        create(territory, actor);
        return store.load(code).orElseThrow();
    }

    /** Stores a new territory with all its ACI (used by the seed), one event per fact. */
    public void create(Territory territory, String actor) {
        List<IntegrationEvent> events = new ArrayList<>();
        events.add(new TerritoryCreated(territory.code(), territory.name()));
        territory.acis().forEach(a -> events.add(new AciCreated(territory.code(), a)));
        store.create(territory, render(events, clock.context(actor), 0));
        relay.schedule(SOURCE, territory.code());
    }

    public ReferenceStore.Versioned rename(String code, String name, String actor) {
        return change(code, actor, t -> new Change(t.renamed(name), new TerritoryChanged(code, name)));
    }

    public ReferenceStore.Versioned addAci(String code, String name, String siret, List<Programme> programmes,
                                           boolean localCoordination, LocalDate joinedOn, LocalDate leftOn,
                                           AciContact contact, String actor) {
        return change(code, actor, t -> {
            Aci aci = new Aci(t.nextAciId(), name, new Siret(siret), Set.copyOf(programmes), localCoordination,
                    joinedOn, leftOn, contact);
            return new Change(t.withNewAci(aci), new AciCreated(code, aci));
        });
    }

    public ReferenceStore.Versioned changeAci(String code, String aciId, String name, String siret,
                                              List<Programme> programmes, boolean localCoordination,
                                              LocalDate joinedOn, LocalDate leftOn, AciContact contact, String actor) {
        return change(code, actor, t -> {
            if (t.aci(aciId).isEmpty()) {
                throw ApiException.notFound("ACI", aciId);
            }
            Aci aci = new Aci(aciId, name, new Siret(siret), Set.copyOf(programmes), localCoordination,
                    joinedOn, leftOn, contact);
            return new Change(t.withChangedAci(aci), new AciChanged(code, aci));
        });
    }

    private record Change(Territory next, IntegrationEvent event) {
    }

    private ReferenceStore.Versioned change(String code, String actor, Function<Territory, Change> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ReferenceStore.Versioned current = store.load(code)
                    .orElseThrow(() -> ApiException.notFound("territory", code));
            Change change = decide.apply(current.territory());
            List<OutboxEntry> entries = render(List.of(change.event()), clock.context(actor), current.version());
            if (store.update(change.next(), current.version(), entries)) {
                relay.schedule(SOURCE, code);
                return new ReferenceStore.Versioned(change.next(), current.version() + entries.size());
            }
        }
        throw new StateConflict("concurrent-update", "territory " + code + " kept changing; reload and try again");
    }

    private List<OutboxEntry> render(List<IntegrationEvent> events, EventContext context, long fromVersion) {
        List<OutboxEntry> entries = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            entries.add(contract.render(events.get(i), context, fromVersion + i + 1));
        }
        return entries;
    }
}
