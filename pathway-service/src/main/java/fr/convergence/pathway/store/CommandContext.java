package fr.convergence.pathway.store;

import org.bson.Document;

import java.util.Optional;

/**
 * What one command on one stream carries from the HTTP request through Axon and back, on the request's thread, so
 * that the command reads its stream once and writes it once:
 * <ul>
 *   <li>in: the stream document the access check already read, which Axon's load then uses instead of reading it
 *   again (taken once: a second load — a retry — reads afresh);</li>
 *   <li>out: the aggregate that handled the command and the events the append stored, from which the answer is
 *   built without reloading the stream.</li>
 * </ul>
 * A command retried by the gateway on another thread finds no context there: it simply reads the stream again, and
 * the answer is then read from the store. Correctness never depends on the context: the append is conditional on
 * the stream's {@code {_id, version}}.
 */
public final class CommandContext implements AutoCloseable {

    private static final ThreadLocal<CommandContext> CURRENT = new ThreadLocal<>();

    private final String streamId;
    private Document loaded;
    private Object handler;
    private Appended stored;

    private CommandContext(String streamId, Document loaded) {
        this.streamId = streamId;
        this.loaded = loaded;
    }

    /** Opens the context of a command on {@code streamId}, already read as {@code loaded} (null for a new stream). */
    public static CommandContext open(String streamId, Document loaded) {
        CommandContext context = new CommandContext(streamId, loaded);
        CURRENT.set(context);
        return context;
    }

    /** The document read for this command on this thread, once; empty for any other stream or a second load. */
    static Optional<Document> takeLoaded(String streamId) {
        CommandContext context = CURRENT.get();
        if (context == null || !context.streamId.equals(streamId) || context.loaded == null) {
            return Optional.empty();
        }
        Document doc = context.loaded;
        context.loaded = null;
        return Optional.of(doc);
    }

    /** Called by the command handler's wrapper: the aggregate instance that handled the command on this thread. */
    public static void handledBy(Object aggregate) {
        CommandContext context = CURRENT.get();
        if (context != null) {
            context.handler = aggregate;
        }
    }

    /** Called by the storage engine once an append is stored (or found already stored) on this thread. */
    static void stored(Appended appended) {
        CommandContext context = CURRENT.get();
        if (context != null && context.streamId.equals(appended.streamId())) {
            context.stored = appended;
        }
    }

    /** The events this command stored on this thread; empty if none, or if a retry on another thread stored them. */
    public Optional<Appended> stored() {
        return Optional.ofNullable(stored);
    }

    /** The aggregate that handled the command on this thread (null for a creation or a command not handled here). */
    public Object handler() {
        return handler;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
