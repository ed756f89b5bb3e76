package fr.convergence.pathway.store;

/**
 * Field names of the one-document-per-stream layout:
 * <pre>
 * { _id: streamId, version: n, publishedVersion: p, pending: bool, headHash,
 *   territory, aciId, participantId, programme, status, startedOn,       (index fields, for listing)
 *   events: [ { seq, id, type, rev, ts, payload: {...}, meta: {...}, prev, hash }, ... ] }
 * </pre>
 */
public final class StreamDocuments {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    public static final String PUBLISHED_VERSION = "publishedVersion";
    public static final String PENDING = "pending";
    public static final String HEAD_HASH = "headHash";
    /** HMAC of the head with a key outside the store ({@link ChainSeal}). */
    public static final String HEAD_SEAL = "headSeal";
    public static final String EVENTS = "events";
    public static final String TERRITORY = "territory";
    public static final String ACI = "aciId";
    public static final String PARTICIPANT = "participantId";

    public static final String SEQUENCE = "seq";
    public static final String EVENT_ID = "id";
    public static final String PAYLOAD_TYPE = "type";
    public static final String PAYLOAD_REVISION = "rev";
    public static final String TIMESTAMP = "ts";
    public static final String PAYLOAD = "payload";
    public static final String METADATA = "meta";
    public static final String PREVIOUS_HASH = "prev";
    public static final String HASH = "hash";

    private StreamDocuments() {
    }
}
