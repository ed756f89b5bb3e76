package fr.convergence.pathway.store;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static fr.convergence.pathway.store.StreamDocuments.*;

/**
 * The aggregate as it stood after an append, kept in the hot document so a command loads the snapshot and the few
 * events after it instead of decoding the whole history. Written only in the same conditional update as the events
 * it follows (so it is never ahead of or apart from them), and only when the append seals a chunk.
 *
 * <ul>
 *   <li>Its revision is a fingerprint of the aggregate's fields (every class of the domain it holds) and of the
 *   upcasters: change either and old snapshots are ignored — the stream is then folded from its events, as before.</li>
 *   <li>It is sealed with the chain key ({@link ChainSeal}): a snapshot edited in the store is ignored the same way,
 *   so the state commands decide on is always the fold of the hash-chained events.</li>
 * </ul>
 */
public class AggregateSnapshots {

    /** Unit-of-work resource: the aggregate instance that handled the command being committed. */
    public static final String HANDLING_AGGREGATE = AggregateSnapshots.class.getName() + ".aggregate";
    private static final String SEAL_DOMAIN = "snapshot";

    private final Class<?> aggregateType;
    private final String revision;
    private final Serializer serializer;
    private final ChainSeal seal;

    public AggregateSnapshots(Class<?> aggregateType, String revision, Serializer serializer, ChainSeal seal) {
        this.aggregateType = aggregateType;
        this.revision = revision;
        this.serializer = serializer;
        this.seal = seal;
    }

    /** What reads the snapshots back (Axon's snapshot serializer). */
    public Serializer serializer() {
        return serializer;
    }

    /** The snapshot of {@code aggregate} after the event at {@code sequence}; empty if it is not this store's type. */
    Optional<Document> snapshotOf(String streamId, Object aggregate, long sequence) {
        if (!aggregateType.isInstance(aggregate)) {
            return Optional.empty();
        }
        SerializedObject<String> data = serializer.serialize(aggregate, String.class);
        return Optional.of(new Document(SEQUENCE, sequence).append(PAYLOAD_TYPE, aggregateType.getName())
                .append(PAYLOAD_REVISION, revision).append(TIMESTAMP, Instant.now().toString())
                .append(SNAPSHOT_DATA, data.getData())
                .append(SNAPSHOT_SEAL, sealOf(streamId, sequence, data.getData())));
    }

    /** The stored snapshot as Axon reads one, if it is of this revision and its seal matches. */
    Optional<DomainEventData<?>> readable(String streamId, Document snapshot) {
        if (snapshot == null || !revision.equals(snapshot.getString(PAYLOAD_REVISION))
                || !aggregateType.getName().equals(snapshot.getString(PAYLOAD_TYPE))) {
            return Optional.empty();
        }
        long sequence = snapshot.get(SEQUENCE, Number.class).longValue();
        String data = snapshot.getString(SNAPSHOT_DATA);
        String stored = snapshot.getString(SNAPSHOT_SEAL);
        if (data == null || stored == null || !stored.equals(sealOf(streamId, sequence, data))) {
            return Optional.empty();
        }
        return Optional.of(new GenericDomainEventEntry<>("Pathway", streamId, sequence,
                "snapshot-" + streamId + "-" + sequence, snapshot.getString(TIMESTAMP), aggregateType.getName(),
                revision, data, "{}"));
    }

    private String sealOf(String streamId, long sequence, String data) {
        return seal.seal(streamId, sequence, HashChain.sha256(data), SEAL_DOMAIN, aggregateType.getName(), revision);
    }

    /**
     * A fingerprint of what a snapshot's meaning depends on: the fields (name and declared type) of the aggregate and
     * of every class of {@code domainPackage} reachable through them, and the upcasters' names.
     */
    public static String fingerprint(Class<?> aggregateType, String domainPackage, List<?> upcasters) {
        Set<String> lines = new TreeSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(aggregateType));
        Set<Class<?>> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                lines.add(type.getName() + "." + field.getName() + ":" + field.getGenericType().getTypeName());
                collect(field.getGenericType(), domainPackage, toVisit);
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    lines.add(type.getName() + "#" + constant);
                }
            }
        }
        upcasters.forEach(u -> lines.add("upcaster " + u.getClass().getName()));
        return HashChain.sha256(String.join("\n", lines)).substring(0, 16);
    }

    private static void collect(Type type, String domainPackage, Deque<Class<?>> toVisit) {
        if (type instanceof Class<?> c && c.getName().startsWith(domainPackage)) {
            toVisit.push(c);
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, domainPackage, toVisit);
            }
        }
    }
}
