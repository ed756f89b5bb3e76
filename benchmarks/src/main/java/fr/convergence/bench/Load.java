package fr.convergence.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: N threads each run an operation back to back; only the measured window counts. */
final class Load {

    interface Op {
        /** One operation; false (or an exception) counts as an error. */
        boolean run(int thread, long iteration) throws Exception;
    }

    record Result(int threads, double perSecond, long ok, long errors, Stats latency, String firstError) {
    }

    static Result run(int threads, double warmSeconds, double measureSeconds, Op op) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmSeconds * 1e9);
        long end = measureFrom + (long) (measureSeconds * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        String[] firstError = new String[1];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    List<Long> mine = new ArrayList<>();
                    long i = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean success;
                        try {
                            success = op.run(thread, i++);
                        } catch (Exception e) {
                            success = false;
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = e.toString();
                                }
                            }
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (success) {
                                ok.incrementAndGet();
                                mine.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                    latencies.addAll(mine);
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.start();
        }
        done.await();
        return new Result(threads, ok.get() / measureSeconds, ok.get(), errors.get(), Stats.ofNanos(latencies),
                firstError[0]);
    }

    /** Runs {@code count} operations one after the other and returns their latencies (errors throw). */
    static Stats sequential(int warmups, int count, Op op) throws Exception {
        for (int i = 0; i < warmups; i++) {
            op.run(0, i);
        }
        List<Long> latencies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            if (!op.run(0, warmups + i)) {
                throw new IllegalStateException("operation " + i + " failed");
            }
            latencies.add(System.nanoTime() - t0);
        }
        return Stats.ofNanos(latencies);
    }
}
