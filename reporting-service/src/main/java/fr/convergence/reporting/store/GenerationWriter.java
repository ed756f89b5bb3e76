package fr.convergence.reporting.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import fr.convergence.reporting.indicators.Contribution;
import fr.convergence.reporting.projection.Cell;
import fr.convergence.reporting.projection.Contributions;
import fr.convergence.reporting.projection.GenerationFold;
import fr.convergence.reporting.projection.PathwayEvent;
import fr.convergence.reporting.projection.PathwayFacts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a generation folded in memory ({@link GenerationFold}) into its empty collections, each document once:
 * the cells of each territory (every pathway's share, derived once from its final facts), the pathway documents,
 * the events still waiting for a predecessor, the referrals and the reference data — with unordered
 * {@code insertMany} commands of a few thousand documents by exact {@code _id}, and no durability wait per command.
 * Then one <b>durability barrier</b>: a record of what was written, stored with majority and journal (a real
 * MongoDB acknowledges it only once every earlier write of this connection's primary is journaled and
 * replicated), followed by a count of each collection against what was written, so a generation missing
 * documents is never switched to.
 *
 * <p>The documents are those the live projector would have stored for the same records, but for cells whose
 * every share was removed on the way (an exit then its cancellation): live keeps them empty, a rebuild never
 * writes them; no figure reads an empty cell.
 */
public final class GenerationWriter {

    private static final Logger log = LoggerFactory.getLogger(GenerationWriter.class);
    /** Documents per insert command: large enough to amortise a command, small enough to keep memory flat. */
    static final int CHUNK = 2_000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
    /** The bulk writes wait for no journal: the barrier covers them all at once. */
    private static final WriteConcern BULK = WriteConcern.W1.withJournal(false);
    private static final WriteConcern BARRIER = WriteConcern.MAJORITY.withJournal(true);

    private final MongoDatabase database;
    private final Generation generation;
    private final int threads;

    /** @param threads how many threads derive and insert documents at once (each insert on its own connection) */
    public GenerationWriter(MongoDatabase database, Generation generation, int threads) {
        this.database = database;
        this.generation = generation;
        this.threads = Math.max(1, threads);
    }

    /** What was written, per collection. */
    public record Written(long pathways, long cells, long parked, long referrals, long territories, long acis,
                          long participants) {
    }

    /** Writes the whole generation, then the barrier; throws if the store does not hold what was written. */
    public Written write(GenerationFold fold) {
        long start = System.nanoTime();
        long cells = writeCells(fold.pathways());
        long cellsDone = System.nanoTime();
        long pathways = writePathways(fold.pathways());
        long pathwaysDone = System.nanoTime();
        long parked = writeParked(fold.pathways());
        long referrals = insert(generation.referrals(), fold.referrals());
        long territories = insert(generation.territories(), fold.territories());
        long acis = insert(generation.acis(), fold.acis());
        long participants = insert(generation.participants(), fold.participants());
        long othersDone = System.nanoTime();
        Written written = new Written(pathways, cells, parked, referrals, territories, acis, participants);
        barrier(written);
        log.info("generation {} written: {}; cells {} ms, pathways {} ms, the rest {} ms, barrier {} ms",
                generation.number(), written, (cellsDone - start) / 1_000_000, (pathwaysDone - cellsDone) / 1_000_000,
                (othersDone - pathwaysDone) / 1_000_000, (System.nanoTime() - othersDone) / 1_000_000);
        return written;
    }

    /**
     * Every pathway's share of each cell, derived once from its final facts, written territory by territory (a task
     * each) so that only the territories being written have their cells in memory.
     */
    private long writeCells(Collection<GenerationFold.PathwayState> states) {
        Map<String, List<PathwayFacts>> byTerritory = new TreeMap<>();
        for (GenerationFold.PathwayState s : states) {
            if (s.facts().hired()) {
                byTerritory.computeIfAbsent(s.facts().territory, t -> new ArrayList<>()).add(s.facts());
            }
        }
        List<Callable<Long>> tasks = new ArrayList<>();
        for (List<PathwayFacts> territory : byTerritory.values()) {
            tasks.add(() -> insertChunks(generation.cells(), cellsOf(territory)));
        }
        return inParallel(tasks);
    }

    private static List<Document> cellsOf(List<PathwayFacts> territory) {
        Map<String, Document> cells = new HashMap<>();
        for (PathwayFacts facts : territory) {
            String field = StoreCodec.fieldSafe(facts.pathwayId);
            for (Map.Entry<Cell, Contribution> share : Contributions.of(facts).entrySet()) {
                Cell cell = share.getKey();
                cells.computeIfAbsent(cell.id(), id -> new Document("_id", id)
                                .append("territory", cell.territory()).append("aciId", cell.aciId())
                                .append("programme", cell.programme()).append("month", cell.month())
                                .append("p", new Document()))
                        .get("p", Document.class).append(field, ContributionCodec.write(share.getValue()));
            }
        }
        return new ArrayList<>(cells.values());
    }

    /** The pathway documents, a task per chunk: converting a chunk and inserting it go together. */
    private long writePathways(Collection<GenerationFold.PathwayState> states) {
        List<GenerationFold.PathwayState> all = new ArrayList<>(states);
        List<Callable<Long>> tasks = new ArrayList<>();
        int size = CHUNK / 4;   // pathway documents are the largest: smaller tasks share the threads better
        for (int from = 0; from < all.size(); from += size) {
            List<GenerationFold.PathwayState> chunk = all.subList(from, Math.min(all.size(), from + size));
            tasks.add(() -> {
                List<Document> docs = new ArrayList<>(chunk.size());
                chunk.forEach(s -> docs.add(StoreCodec.toDocument(s.facts()).append("_id", s.facts().pathwayId)));
                return insertChunks(generation.pathways(), docs);
            });
        }
        return inParallel(tasks);
    }

    /** Runs the tasks on {@link #threads} threads; the first failure fails the write. */
    private long inParallel(List<Callable<Long>> tasks) {
        if (threads == 1 || tasks.size() < 2) {
            long total = 0;
            for (Callable<Long> task : tasks) {
                try {
                    total += task.call();
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
            return total;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "reporting-generation-writer-g" + generation.number());
            t.setDaemon(true);
            return t;
        });
        try {
            long total = 0;
            for (Future<Long> done : pool.invokeAll(tasks)) {
                total += done.get();
            }
            return total;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation write interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The events still waiting for a predecessor, as the live projector parks them ({@code pathwayId|sequence}). */
    private long writeParked(Collection<GenerationFold.PathwayState> states) {
        List<Document> parked = new ArrayList<>();
        for (GenerationFold.PathwayState s : states) {
            for (PathwayEvent e : s.waiting()) {
                parked.add(StoreCodec.toDocument(e).append("_id", e.pathwayId() + "|" + e.sequence()));
            }
        }
        return insertChunks(generation.parked(), parked);
    }

    private long insert(String collection, Map<String, ?> documents) {
        List<Document> docs = new ArrayList<>(documents.size());
        documents.forEach((id, value) -> docs.add(StoreCodec.toDocument(value).append("_id", id)));
        return insertChunks(collection, docs);
    }

    private long insertChunks(String name, List<Document> docs) {
        MongoCollection<Document> collection = database.getCollection(name).withWriteConcern(BULK);
        for (int from = 0; from < docs.size(); from += CHUNK) {
            collection.insertMany(docs.subList(from, Math.min(docs.size(), from + CHUNK)), UNORDERED);
        }
        return docs.size();
    }

    /**
     * The one durability barrier: the rebuild's record in {@code reporting_meta} ({@code rebuild-g<n>}), written
     * with majority and journal after every bulk write, then each collection counted against what was written.
     */
    private void barrier(Written written) {
        database.getCollection(ActiveGeneration.META).withWriteConcern(BARRIER).replaceOne(
                new Document("_id", "rebuild-g" + generation.number()),
                new Document("_id", "rebuild-g" + generation.number()).append("writtenAt", Instant.now().toString())
                        .append("pathways", written.pathways()).append("cells", written.cells())
                        .append("parked", written.parked()).append("referrals", written.referrals())
                        .append("territories", written.territories()).append("acis", written.acis())
                        .append("participants", written.participants()),
                new ReplaceOptions().upsert(true));
        check(generation.pathways(), written.pathways());
        check(generation.cells(), written.cells());
        check(generation.parked(), written.parked());
        check(generation.referrals(), written.referrals());
        check(generation.participants(), written.participants());
    }

    private void check(String collection, long expected) {
        long stored = database.getCollection(collection).estimatedDocumentCount();
        if (stored != expected) {
            throw new IllegalStateException(collection + " holds " + stored + " documents after the rebuild wrote "
                    + expected + ": the generation is not switched to");
        }
    }
}
