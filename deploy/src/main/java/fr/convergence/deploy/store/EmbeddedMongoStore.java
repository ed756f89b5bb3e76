package fr.convergence.deploy.store;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MongoDB-wire store as its own process: {@code EmbeddedMongoStore <port> <data-dir>}.
 * Services reach it only through the official driver and a connection string, exactly as they reach a
 * real replica set in production.
 */
public final class EmbeddedMongoStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private EmbeddedMongoStore() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        Path dataDir = Path.of(args.length > 1 ? args[1] : ".data/mongo");
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("store.mv");

        DurableH2Backend backend = DurableH2Backend.open(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        log.info("MongoDB-wire store listening on mongodb://127.0.0.1:{} with data in {}", port, file.toAbsolutePath());

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
        housekeeping.scheduleWithFixedDelay(() -> {
            backend.compact(200);
            log.info("store file {} is {} MB", file, backend.fileSizeBytes() / (1024 * 1024));
        }, 5, 10, TimeUnit.MINUTES);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            housekeeping.shutdownNow();
            server.shutdown();
            stopped.countDown();
        }));
        stopped.await();
    }
}
