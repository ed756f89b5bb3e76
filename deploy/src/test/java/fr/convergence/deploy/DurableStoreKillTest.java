package fr.convergence.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fr.convergence.deploy.store.EmbeddedMongoStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged writes survive {@code kill -9} of the store process: four writers insert under load, the
 * process is killed mid-stream several times, and after each restart every acknowledged document is there.
 */
class DurableStoreKillTest {

    @TempDir
    Path data;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        int port = freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        int kills = 5;
        for (int round = 0; round < kills; round++) {
            Process store = start(port);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=3000&socketTimeoutMS=3000")) {
                MongoCollection<Document> events = client.getDatabase("durability").getCollection("events");
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(4);
                for (int w = 0; w < 4; w++) {
                    writers.submit(() -> {
                        while (running.get()) {
                            String id = "e" + sequence.incrementAndGet();
                            try {
                                events.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                                acknowledged.add(id); // only after the server said yes
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                Thread.sleep(700 + round * 150L);
                store.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no final commit
                store.waitFor(10, TimeUnit.SECONDS);
                running.set(false);
                writers.shutdown();
                writers.awaitTermination(20, TimeUnit.SECONDS);
            }
        }
        Process store = start(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("durability").getCollection("events").find()
                    .forEach(d -> stored.add(d.getString("_id")));
            assertThat(acknowledged).as("documents acknowledged before %d kills", kills).hasSizeGreaterThan(50);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged but lost").isEmpty();
        } finally {
            store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedMongoStore.class.getName(), String.valueOf(port), data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("store.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("store did not start; see " + data.resolve("store.log") + File.separator);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
