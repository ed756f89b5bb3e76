package fr.convergence.pathway.store;

/**
 * Field names of the stream layout: one bounded hot document per stream, older events sealed into chunks.
 * <pre>
 * pathway_streams:  { _id: streamId, version: n, publishedVersion: p, pending: bool, headHash, headSeal,
 *                     territory, aciId, participantId, programme, status, startedOn, …   (index fields, for listing)
 *                     chunked: c,                      (events 0..c-1 are in chunks; absent: 0, the earlier layout)
 *                     snapshot: { seq, type, rev, ts, data, seal },       (the aggregate after event seq, sealed)
 *                     events: [ { seq, id, type, rev, ts, payload: {...}, meta: {...}, prev, hash }, ... ] }  (c..n-1)
 * pathway_stream_chunks: { _id: "streamId#k", stream, events: [ the entries of seq k·C .. (k+1)·C-1 ] }  (immutable)
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
    /** How many of the stream's first events are sealed into chunk documents (a multiple of the chunk size). */
    public static final String CHUNKED = "chunked";
    public static final String SNAPSHOT = "snapshot";
    /** A chunk's stream id. */
    public static final String STREAM = "stream";

    public static final String SEQUENCE = "seq";
    public static final String EVENT_ID = "id";
    public static final String PAYLOAD_TYPE = "type";
    public static final String PAYLOAD_REVISION = "rev";
    public static final String TIMESTAMP = "ts";
    public static final String PAYLOAD = "payload";
    public static final String METADATA = "meta";
    public static final String PREVIOUS_HASH = "prev";
    public static final String HASH = "hash";

    public static final String SNAPSHOT_DATA = "data";
    public static final String SNAPSHOT_SEAL = "seal";

    private StreamDocuments() {
    }
}
