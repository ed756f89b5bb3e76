package fr.convergence.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of everything a service stored — every collection, every document — so a test can prove that refused
 * requests changed nothing. Collections that record reads (access logs) are named and left out by the caller.
 */
public final class StoreDigest {

    private StoreDigest() {
    }

    public static String of(String mongoUri, String database, Set<String> ignored) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(database);
            TreeMap<String, List<String>> collections = new TreeMap<>();
            for (String name : db.listCollectionNames()) {
                if (ignored.contains(name)) {
                    continue;
                }
                List<String> docs = new ArrayList<>();
                for (Document d : db.getCollection(name).find()) {
                    docs.add(d.toJson());
                }
                docs.sort(String::compareTo);
                collections.put(name, docs);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            collections.forEach((name, docs) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                docs.forEach(d -> sha.update(d.getBytes(StandardCharsets.UTF_8)));
            });
            int count = collections.values().stream().mapToInt(List::size).sum();
            return count + " documents in " + collections.keySet() + ", sha-256 " + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
