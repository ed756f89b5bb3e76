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

    private final MVStore store;
    private final Object commitLock = new Object();

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
            commitIfChanged();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            commitIfChanged();
        }
    }

    /** Commits and fsyncs pending changes; a no-op for reads. */
    void commitIfChanged() {
        synchronized (commitLock) {
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
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
