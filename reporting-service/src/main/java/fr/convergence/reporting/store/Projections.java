package fr.convergence.reporting.store;

import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Projector} per generation, shared by the consumers and the dead-letter retries. */
@Component
public class Projections {

    private final MongoDatabase database;
    private final Map<Integer, Projector> projectors = new ConcurrentHashMap<>();

    public Projections(MongoDatabase database) {
        this.database = database;
    }

    public Projector projector(Generation generation) {
        return projectors.computeIfAbsent(generation.number(), n -> new Projector(database, generation));
    }

    /** Removes a generation's collections: a leftover of an interrupted rebuild, or the one a rebuild replaced. */
    public void drop(Generation generation) {
        projectors.remove(generation.number());
        for (String name : new String[]{generation.pathways(), generation.cells(), generation.parked(),
                generation.referrals(), generation.territories(), generation.acis(), generation.participants()}) {
            database.getCollection(name).drop();
        }
        database.getCollection(ActiveGeneration.META).deleteOne(new org.bson.Document("_id",
                "rebuild-g" + generation.number()));
    }
}
