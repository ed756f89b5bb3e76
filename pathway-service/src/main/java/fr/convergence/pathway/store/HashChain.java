package fr.convergence.pathway.store;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 chain that makes each stream tamper-evident: every stored event's hash covers its identity,
 * position, type, timestamp, payload, metadata and the previous event's hash. Changing any stored byte of an
 * event breaks its own link; removing or reordering events breaks the next one.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** Hashes the canonical (driver-rendered JSON) form of a stored event entry. */
    public static String hash(Document entry, String previousHash) {
        String canonical = String.join("|",
                entry.getString(StreamDocuments.EVENT_ID),
                String.valueOf(entry.get(StreamDocuments.SEQUENCE)),
                entry.getString(StreamDocuments.PAYLOAD_TYPE),
                String.valueOf(entry.getString(StreamDocuments.PAYLOAD_REVISION)),
                entry.getString(StreamDocuments.TIMESTAMP),
                entry.get(StreamDocuments.PAYLOAD, Document.class).toJson(),
                entry.get(StreamDocuments.METADATA, Document.class).toJson(),
                previousHash);
        return sha256(canonical);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
