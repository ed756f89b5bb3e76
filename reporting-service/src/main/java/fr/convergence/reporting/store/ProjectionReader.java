package fr.convergence.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.indicators.PathwayFact;
import fr.convergence.reporting.indicators.Reference;
import fr.convergence.reporting.projection.PathwayFacts;
import fr.convergence.reporting.projection.ReferenceData;
import fr.convergence.reporting.indicators.ReferralFact;
import fr.convergence.reporting.projection.ReferralState;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the cells of the active generation as facts for the indicator computation. A territory scope asks
 * {@code {territory: code}}: a real MongoDB serves it from the {territory, month} index listed in the README;
 * the stand-in scans, which is fine for a read model of a few thousand cells.
 */
@Component
public class ProjectionReader {

    /**
     * Cells per reply: a cell holds every share of an ACI-month, tens of kB at a million events, and the stand-in
     * answers a cursor without a batch size with everything left, over the 48 MB a reply may hold.
     */
    static final int CELLS_PER_BATCH = 64;

    private final MongoDatabase database;
    private final ActiveGeneration active;

    public ProjectionReader(MongoDatabase database, ActiveGeneration active) {
        this.database = database;
        this.active = active;
    }

    public Generation generation() {
        return active.current();
    }

    public List<PathwayFact> pathwayFacts(Generation generation, String territory) {
        List<PathwayFact> facts = new ArrayList<>();
        MongoCollection<Document> cells = database.getCollection(generation.cells());
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document cell : cells.find(query).batchSize(CELLS_PER_BATCH)) {
            Document shares = cell.get("p", Document.class);
            if (shares == null) {
                continue;
            }
            for (Map.Entry<String, Object> share : shares.entrySet()) {
                Contribution c = ContributionCodec.read((Document) share.getValue());
                facts.add(new PathwayFact(cell.getString("territory"), cell.getString("aciId"),
                        cell.getString("programme"), cell.getString("month"), share.getKey(), c));
            }
        }
        return facts;
    }

    public List<ReferralFact> referralFacts(Generation generation, String territory) {
        List<ReferralFact> facts = new ArrayList<>();
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document doc : database.getCollection(generation.referrals()).find(query)) {
            doc.remove("_id");
            ReferralState r = StoreCodec.fromDocument(doc, ReferralState.class);
            facts.add(new ReferralFact(r.territory(), r.aciId(), r.month(), r.domain(), r.status(), r.outcome()));
        }
        return facts;
    }

    /**
     * The last event sequence applied to each pathway of a territory (all when null): the positions a frozen report
     * records. They are per pathway because that is what the projection tracks (a pathway's events are applied in
     * sequence order, whatever partition or batch they came in).
     */
    public Map<String, Long> positions(Generation generation, String territory) {
        Map<String, Long> positions = new java.util.TreeMap<>();
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document doc : database.getCollection(generation.pathways()).find(query)
                .projection(new Document("lastSequence", 1))) {
            Object sequence = doc.get("lastSequence");
            if (sequence instanceof Number n) {
                positions.put(String.valueOf(doc.get("_id")), n.longValue());
            }
        }
        return positions;
    }

    /**
     * The participant stream's reference data for a territory (all when null): territory and ACI names, the ACI's
     * programme dates, and the age band of each pathway, joined through the participant id its events carry.
     */
    public Reference reference(Generation generation, String territory) {
        Map<String, String> names = territoryNames(generation);
        Map<String, Reference.Aci> acis = new HashMap<>();
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document doc : database.getCollection(generation.acis()).find(query)) {
            doc.remove("_id");
            ReferenceData.Aci a = StoreCodec.fromDocument(doc, ReferenceData.Aci.class);
            acis.put(a.aciId(), new Reference.Aci(a.aciId(), a.territory(), a.name(), a.joinedOn(), a.leftOn()));
        }
        Map<String, String> bandOfParticipant = ageBandsByParticipant(generation, territory);
        Map<String, String> ageBands = new HashMap<>();
        for (Document doc : database.getCollection(generation.pathways()).find(query)
                .projection(new Document("participantId", 1))) {
            String band = bandOfParticipant.get(doc.getString("participantId"));
            if (band != null) {
                ageBands.put(StoreCodec.fieldSafe(String.valueOf(doc.get("_id"))), band);
            }
        }
        return new Reference(names, acis, ageBands);
    }

    /**
     * Whether reporting knows this territory (aciId null) or this ACI of the territory, in the active generation: from
     * the participant stream's reference data, or from figures already projected for it.
     */
    public boolean knownScope(String territory, String aciId) {
        Generation generation = active.current();
        Document query = new Document("territory", territory);
        if (aciId == null) {
            return database.getCollection(generation.territories()).find(new Document("_id", territory)).first() != null
                    || database.getCollection(generation.acis()).find(query).first() != null
                    || database.getCollection(generation.cells()).find(query).first() != null;
        }
        query.append("aciId", aciId);
        return database.getCollection(generation.acis()).find(new Document("_id", aciId).append("territory", territory))
                .first() != null || database.getCollection(generation.cells()).find(query).first() != null;
    }

    /** Territory code → name, for the territories the participant stream has named. */
    public Map<String, String> territoryNames(Generation generation) {
        Map<String, String> names = new HashMap<>();
        for (Document doc : database.getCollection(generation.territories()).find()) {
            doc.remove("_id");
            ReferenceData.Territory t = StoreCodec.fromDocument(doc, ReferenceData.Territory.class);
            if (t.name() != null) {
                names.put(t.code(), t.name());
            }
        }
        return names;
    }

    /** Every pathway's folded facts in a territory (all when null), for the evaluation extract. */
    public List<PathwayFacts> pathways(Generation generation, String territory) {
        List<PathwayFacts> pathways = new ArrayList<>();
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document doc : database.getCollection(generation.pathways()).find(query).batchSize(CELLS_PER_BATCH * 8)) {
            doc.remove("_id");
            pathways.add(StoreCodec.fromDocument(doc, PathwayFacts.class));
        }
        return pathways;
    }

    /** Participant id → age band of the participants of a territory (all when null), erased ones left out. */
    public Map<String, String> ageBandsByParticipant(Generation generation, String territory) {
        Map<String, String> bands = new HashMap<>();
        Document query = territory == null ? new Document() : new Document("territory", territory);
        for (Document doc : database.getCollection(generation.participants()).find(query)) {
            Object band = doc.get("ageBand");
            if (band != null && !Boolean.TRUE.equals(doc.get("erased"))) {
                bands.put(String.valueOf(doc.get("_id")), band.toString());
            }
        }
        return bands;
    }

    /** Territory codes that have at least one cell, for the dashboard's selector. */
    public List<String> territories(Generation generation) {
        TreeSet<String> codes = new TreeSet<>();
        for (Document cell : database.getCollection(generation.cells()).find()
                .projection(new Document("territory", 1))) {
            codes.add(cell.getString("territory"));
        }
        return new ArrayList<>(codes);
    }
}
