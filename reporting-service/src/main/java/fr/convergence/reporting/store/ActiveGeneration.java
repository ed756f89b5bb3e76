package fr.convergence.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The pointer document {@code {_id: "active-generation", generation: n}} in {@code reporting_meta}: which set
 * of collections the API reads and the live consumer writes. Cached in memory; only a rebuild moves it.
 */
@Component
public class ActiveGeneration {

    static final String META = "reporting_meta";
    private static final String POINTER = "active-generation";

    private final MongoCollection<Document> meta;
    private volatile Generation current;

    public ActiveGeneration(MongoDatabase database) {
        this.meta = database.getCollection(META);
        Document pointer = meta.find(new Document("_id", POINTER)).first();
        if (pointer == null) {
            meta.replaceOne(new Document("_id", POINTER), new Document("_id", POINTER).append("generation", 1),
                    new ReplaceOptions().upsert(true));
            current = new Generation(1);
        } else {
            current = new Generation(pointer.getInteger("generation"));
        }
    }

    public Generation current() {
        return current;
    }

    public void swapTo(Generation next) {
        meta.replaceOne(new Document("_id", POINTER), new Document("_id", POINTER).append("generation", next.number()),
                new ReplaceOptions().upsert(true));
        current = next;
    }
}
