package fr.convergence.kit.kafka;

import fr.convergence.kit.ServedTerritories;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One {@link ConsumerLoop} per served territory: each territory's loop has its own group, so its offsets are the same
 * whether it shares an instance or runs its own, and one territory's poison or backlog never holds up another's.
 * {@link #start()} starts one for each served territory and, on an instance serving every territory
 * ({@code TERRITORIES=*}), one for each territory {@link TerritoryDiscovery} learns later
 * ({@link ServedTerritories#whenServed}); {@link #close()} stops them all, and a territory learnt while closing
 * starts nothing.
 */
public final class TerritoryConsumers implements AutoCloseable {

    private final ServedTerritories served;
    private final Function<String, ConsumerLoop> loopOf;
    private final List<ConsumerLoop> started = new ArrayList<>();
    private boolean closed;

    /** {@code loopOf} builds (not starts) the loop of a territory. */
    public TerritoryConsumers(ServedTerritories served, Function<String, ConsumerLoop> loopOf) {
        this.served = served;
        this.loopOf = loopOf;
    }

    public void start() {
        served.whenServed(territory -> {
            ConsumerLoop loop;
            synchronized (started) {
                if (closed) {
                    return;
                }
                loop = loopOf.apply(territory);
                started.add(loop);
            }
            loop.start();
        });
    }

    /** The loops started so far. */
    public List<ConsumerLoop> loops() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ConsumerLoop> running;
        synchronized (started) {
            closed = true;
            running = List.copyOf(started);
        }
        for (ConsumerLoop loop : running) {
            loop.close();
        }
    }
}
