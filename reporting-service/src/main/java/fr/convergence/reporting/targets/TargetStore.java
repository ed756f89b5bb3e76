package fr.convergence.reporting.targets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import fr.convergence.reporting.indicators.Target;
import fr.convergence.reporting.indicators.TargetSource;
import fr.convergence.reporting.store.StoreCodec;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collection {@code funding_targets}: one document per target, {@code _id} = its id, replaced as a whole by an update
 * (one write: a refused or failed request leaves the previous version whole). Outside the projection generations: a
 * rebuild leaves the targets alone.
 */
@Component
public class TargetStore implements TargetSource {

    static final String COLLECTION = "funding_targets";

    private final MongoCollection<Document> collection;

    public TargetStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Stores the target (replacing the one of the same id); true when it is new. */
    public boolean put(Target target, String by) {
        Document doc = StoreCodec.toDocument(target).append("_id", target.id()).append("updatedBy", by)
                .append("updatedAt", Instant.now().toString());
        return collection.replaceOne(new Document("_id", target.id()), doc, new ReplaceOptions().upsert(true))
                .getUpsertedId() != null;
    }

    /** Stores the target unless one of that id exists (an analyst's update of a seeded target stays). */
    public boolean putIfAbsent(Target target, String by) {
        if (find(target.id()).isPresent()) {
            return false;
        }
        return put(target, by);
    }

    public Optional<Target> find(String id) {
        Document doc = collection.find(new Document("_id", id)).first();
        return Optional.ofNullable(doc).map(TargetStore::target);
    }

    public List<Target> all() {
        List<Target> targets = new ArrayList<>();
        collection.find().forEach(doc -> targets.add(target(doc)));
        targets.sort(Comparator.comparing(Target::id));
        return targets;
    }

    @Override
    public List<Target> ofScope(String territory, String aciId) {
        return all().stream().filter(t -> Objects.equals(t.territory(), territory)
                && Objects.equals(t.aciId(), aciId)).toList();
    }

    private static Target target(Document doc) {
        Document copy = new Document(doc);
        copy.remove("_id");
        copy.remove("updatedBy");
        copy.remove("updatedAt");
        return StoreCodec.fromDocument(copy, Target.class);
    }
}
