package fr.convergence.partnership.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.domain.Agreement;
import fr.convergence.partnership.domain.Contact;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import org.bson.Document;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.convergence.partnership.store.Docs.*;

/**
 * {@code partners}: one document per partner, {@code _id = partnerId}, with its agreements, contacts and outbox.
 * {@code territory_directory}: one document per territory ({@code _id = territory}) listing its partners (name,
 * domains, agreements) and its chargés de partenariat, so that the network of a territory is one exact read.
 */
public class PartnerStore {

    private final OutboxCollection partners;
    private final MongoCollection<Document> directory;

    public PartnerStore(MongoDatabase db) {
        this.directory = db.getCollection("territory_directory");
        this.partners = new OutboxCollection("partners", db.getCollection("partners"), this::syncDirectory);
    }

    public OutboxCollection outboxCollection() {
        return partners;
    }

    public void insert(Partner partner, List<OutgoingRecord> events) {
        Document doc = toDocument(partner).append(VERSION, 1L).append(PENDING, true)
                .append(OUTBOX, Docs.outboxEntries(events));
        partners.collection().insertOne(doc);
    }

    /** One conditional update: the new state and its events, or false when someone changed it first. */
    public boolean update(Partner partner, long expectedVersion, List<OutgoingRecord> events) {
        Document set = toDocument(partner);
        set.remove(ID);
        set.append(VERSION, expectedVersion + 1).append(PENDING, true);
        Document update = new Document("$set", set)
                .append("$push", new Document(OUTBOX, new Document("$each", Docs.outboxEntries(events))));
        return partners.collection().updateOne(new Document(ID, partner.id()).append(VERSION, expectedVersion), update)
                .getMatchedCount() == 1;
    }

    public Optional<Versioned<Partner>> load(String partnerId) {
        return Optional.ofNullable(partners.load(partnerId)).map(d -> new Versioned<>(fromDocument(d), version(d)));
    }

    /** The territory's directory entry of a partner, written from the partner document (idempotent). */
    public void syncDirectory(Document partnerDoc) {
        Partner p = fromDocument(partnerDoc);
        Document entry = new Document("partnerId", p.id()).append("name", p.name())
                .append("domains", names(p.domains()))
                .append("agreements", partnerDoc.getList("agreements", Document.class, List.of()));
        directory.updateOne(new Document(ID, p.territory()),
                new Document("$set", new Document("partners." + Keys.field(p.id()), entry)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Every partner of the territory, as directory entries. */
    public List<Partner> network(String territory) {
        Document doc = directory.find(new Document(ID, territory)).first();
        if (doc == null || doc.get("partners") == null) {
            return List.of();
        }
        Document all = doc.get("partners", Document.class);
        return all.values().stream().map(v -> (Document) v).map(e -> new Partner(e.getString("partnerId"), territory,
                e.getString("name"), domains(e.getList("domains", String.class)), List.of(),
                agreements(e.getList("agreements", Document.class, List.of())))).toList();
    }

    public void saveOfficer(String territory, String officerId, String name, String email) {
        directory.updateOne(new Document(ID, territory), new Document("$set", new Document("officers." + Keys.field(officerId),
                        new Document("officerId", officerId).append("name", name).append("email", email))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    public List<Document> officers(String territory) {
        Document doc = directory.find(new Document(ID, territory)).first();
        if (doc == null || doc.get("officers") == null) {
            return List.of();
        }
        return doc.get("officers", Document.class).values().stream().map(v -> (Document) v).toList();
    }

    static Document toDocument(Partner p) {
        return new Document(ID, p.id()).append("territory", p.territory()).append("name", p.name())
                .append("domains", names(p.domains()))
                .append("contacts", p.contacts().stream().map(c -> new Document("name", c.name())
                        .append("role", c.role()).append("email", c.email()).append("phone", c.phone())).toList())
                .append("agreements", p.agreements().stream().map(a -> new Document("agreementId", a.id())
                        .append("startsOn", str(a.startsOn())).append("endsOn", str(a.endsOn()))
                        .append("scope", names(a.scope())).append("endedOn", str(a.endedOn()))).toList());
    }

    static Partner fromDocument(Document d) {
        List<Contact> contacts = d.getList("contacts", Document.class, List.of()).stream()
                .map(c -> new Contact(c.getString("name"), c.getString("role"), c.getString("email"), c.getString("phone")))
                .toList();
        return new Partner(d.getString(ID), d.getString("territory"), d.getString("name"),
                domains(d.getList("domains", String.class)), contacts,
                agreements(d.getList("agreements", Document.class, List.of())));
    }

    private static List<Agreement> agreements(List<Document> docs) {
        return docs.stream().map(a -> new Agreement(a.getString("agreementId"), date(a, "startsOn"), date(a, "endsOn"),
                domains(a.getList("scope", String.class)), date(a, "endedOn"))).toList();
    }

    static List<String> names(Set<PartnerDomain> domains) {
        return domains.stream().sorted().map(Enum::name).toList();
    }

    static Set<PartnerDomain> domains(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        return names.stream().map(PartnerDomain::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PartnerDomain.class)));
    }
}
