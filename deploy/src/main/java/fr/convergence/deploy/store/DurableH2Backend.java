package fr.convergence.deploy.store;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The stand-in's H2 backend, made durable: every command that changed data is committed and synced to
 * disk before its reply leaves, so an acknowledged write survives {@code kill -9} of the store process.
 *
 * <p>Why: the stock backend commits its MVStore in the background about once a second; a spike lost five
 * of six acknowledged events to a kill -9 within that window. With background auto-commit on, a later
 * {@code commit()} may also return before the bytes reach the file, hence {@code autoCommitDisabled()}.
 * Retention time 0 lets freed chunks be reused (otherwise the file grows ~70x the live data).
 */
public class DurableH2Backend extends H2Backend {

    /** Commands that may change data (anything else is a read and needs no fsync). */
    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete",
            "findAndModify", "findandmodify", "create", "createIndexes", "drop", "dropDatabase", "dropIndexes",
            "renameCollection");

    private final MVStore store;
    private final Object commitLock = new Object();
    /** Counts writes applied in memory; {@link #durableUpTo} is the count the last fsync covered. */
    private final java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
    private long durableUpTo;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    public static DurableH2Backend open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (WRITES.contains(command)) {
                makeDurable();
            }
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            makeDurable(); // legacy opcode: rarely used by the 5.x driver, so always made durable
        }
    }

    /**
     * Makes this request's changes durable before its reply leaves, with group commit: a writer that finds its
     * change already covered by another writer's fsync returns at once, so concurrent writers share one fsync
     * instead of queueing for one each. Reads never wait for an fsync.
     */
    void makeDurable() {
        long mine = applied.incrementAndGet(); // taken after this request's change was applied in memory
        synchronized (commitLock) {
            if (durableUpTo >= mine) {
                return; // an fsync that started after our change covered it
            }
            long covering = applied.get();
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
            durableUpTo = covering;
        }
    }

    /** Reclaims space of rewritten chunks; nothing else compacts the file while auto-commit is off. */
    public void compact(int maxMillis) {
        synchronized (commitLock) {
            store.compactFile(maxMillis);
        }
    }

    public long fileSizeBytes() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }
}
