package fr.convergence.participant.reference;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.AciContact;
import fr.convergence.participant.domain.Siret;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.participant.domain.Territory;
import fr.convergence.participant.publishing.OutboxEntry;
import fr.convergence.participant.publishing.Outboxed;
import org.bson.Document;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static fr.convergence.participant.publishing.Outboxed.ID;
import static fr.convergence.participant.publishing.Outboxed.VERSION;

/**
 * Collection {@code territories}: one document per territory ({@code _id} = code) holding its ACI. A territory
 * and its ACI change together under one version, so the one-local-coordination rule is checked and stored
 * atomically, with the events of the change in the same document's outbox.
 */
public class ReferenceStore {

    public static final String COLLECTION = "territories";

    private static final Document WITHOUT_EVENTS = new Document(Outboxed.OUTBOX, 0).append(Outboxed.HISTORY, 0);

    private final MongoCollection<Document> territories;

    public ReferenceStore(MongoCollection<Document> territories) {
        this.territories = territories;
        territories.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
        territories.createIndex(Indexes.ascending(Outboxed.PENDING), new IndexOptions().name("pending_outbox"));
    }

    public record Versioned(Territory territory, long version) {
    }

    /** True when no territory was ever stored (the seed condition); reads at most one document. */
    public boolean isEmpty() {
        return territories.find().projection(new Document(ID, 1)).limit(1).first() == null;
    }

    public Optional<Versioned> load(String code) {
        return Optional.ofNullable(territories.find(new Document(ID, code)).projection(WITHOUT_EVENTS).first())
                .map(d -> new Versioned(toTerritory(d), Outboxed.version(d)));
    }

    /** All territories, by code. A full read, fine for a reference table of a few dozen documents. */
    public List<Versioned> all() {
        List<Versioned> all = new ArrayList<>();
        territories.find().projection(WITHOUT_EVENTS).sort(new Document(ID, 1))
                .forEach(d -> all.add(new Versioned(toTerritory(d), Outboxed.version(d))));
        return all;
    }

    public void create(Territory territory, List<OutboxEntry> events) {
        try {
            territories.insertOne(Outboxed.newDocument(state(territory).append(ID, territory.code()), events));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new StateConflict("territory-exists", "territory " + territory.code() + " already exists");
            }
            throw e;
        }
    }

    /** Stores the new state if the territory is still at {@code version}; false if someone changed it meanwhile. */
    public boolean update(Territory territory, long version, List<OutboxEntry> events) {
        return territories.updateOne(Outboxed.expecting(territory.code(), version),
                Outboxed.change(version, state(territory), null, events)).getMatchedCount() == 1;
    }

    private static Document state(Territory t) {
        List<Document> acis = t.acis().stream().map(a -> new Document("id", a.id()).append("name", a.name())
                .append("siret", a.siret().value())
                .append("programmes", a.programmes().stream().map(Programme::name).sorted().toList())
                .append("localCoordination", a.localCoordination())
                .append("joinedOn", a.joinedOn() == null ? null : a.joinedOn().toString())
                .append("leftOn", a.leftOn() == null ? null : a.leftOn().toString())
                .append("contactEmail", a.contact().email()).append("contactPhone", a.contact().phone())).toList();
        return new Document("name", t.name()).append("aciSequence", t.aciSequence()).append("acis", acis);
    }

    private static Territory toTerritory(Document d) {
        List<Aci> acis = d.getList("acis", Document.class, List.of()).stream().map(a -> new Aci(a.getString("id"),
                a.getString("name"), new Siret(a.getString("siret")),
                a.getList("programmes", String.class).stream().map(Programme::valueOf).collect(Collectors.toSet()),
                Boolean.TRUE.equals(a.getBoolean("localCoordination")), date(a.getString("joinedOn")),
                date(a.getString("leftOn")), new AciContact(a.getString("contactEmail"), a.getString("contactPhone"))))
                .toList();
        return new Territory(d.getString(ID), d.getString("name"), acis, d.getInteger("aciSequence", acis.size()));
    }

    /** Dates are stored as ISO strings; documents written before dates were kept have none. */
    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
