package fr.convergence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Samples resident memory (VmRSS) and CPU time (utime + stime) of every platform process once a second.
 * Processes are recognised by their command line; when a process group is given (bench.sh passes run.sh's),
 * only that group's processes count, so a concurrent test run on the same machine is never mistaken for ours.
 */
final class ProcSampler implements AutoCloseable {

    static final String[][] KINDS = {
            {"EmbeddedMongoStore", "MongoDB-wire store"},
            {"EmbeddedKafkaBroker", "Kafka broker"},
            {"participant-service-", "participant-service"},
            {"pathway-service-", "pathway-service"},
            {"partnership-service-", "partnership-service"},
            {"reporting-service-", "reporting-service"},
            {"gateway-0", "gateway"},
    };
    private static final double CLK_TCK = 100.0; // USER_HZ on Linux/x86-64

    static final class Proc {
        final long pid;
        final String name;
        long firstTicks = -1, lastTicks;
        long firstNanos, lastNanos;
        long maxRssKb, sumRssKb, samples;

        Proc(long pid, String name) {
            this.pid = pid;
            this.name = name;
        }

        double cpuPercentOfOneCore() {
            double seconds = (lastNanos - firstNanos) / 1e9;
            return seconds <= 0 ? Double.NaN : 100.0 * (lastTicks - firstTicks) / CLK_TCK / seconds;
        }

        double avgRssMb() {
            return samples == 0 ? Double.NaN : sumRssKb / 1024.0 / samples;
        }

        double maxRssMb() {
            return maxRssKb / 1024.0;
        }
    }

    private final Long processGroup;
    private final Map<Long, Proc> procs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ProcSampler(Long processGroup) {
        this.processGroup = processGroup;
        this.thread = new Thread(this::loop, "proc-sampler");
        thread.setDaemon(true);
    }

    void start() {
        sampleOnce();
        thread.start();
    }

    /** The pid of the platform process of that kind, if running. */
    Optional<Long> pidOf(String kind) {
        return procs.values().stream().filter(p -> p.name.equals(kind)).map(p -> p.pid).findFirst();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            sampleOnce();
        }
    }

    synchronized void sampleOnce() {
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String n = dir.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(n);
                try {
                    String cmd = new String(Files.readAllBytes(dir.resolve("cmdline"))).replace('\0', ' ');
                    if (!cmd.contains("java")) {
                        continue;
                    }
                    String kind = null;
                    for (String[] k : KINDS) {
                        if (cmd.contains(k[0])) {
                            kind = k[1];
                            break;
                        }
                    }
                    if (kind == null) {
                        continue;
                    }
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pgrp = Long.parseLong(f[2]);
                    if (processGroup != null && pgrp != processGroup) {
                        continue;
                    }
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    long rss = 0;
                    for (String line : Files.readAllLines(dir.resolve("status"))) {
                        if (line.startsWith("VmRSS:")) {
                            rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                    long now = System.nanoTime();
                    String name = kind;
                    Proc p = procs.computeIfAbsent(pid, id -> new Proc(id, name));
                    if (p.firstTicks < 0) {
                        p.firstTicks = ticks;
                        p.firstNanos = now;
                    }
                    p.lastTicks = ticks;
                    p.lastNanos = now;
                    p.maxRssKb = Math.max(p.maxRssKb, rss);
                    p.sumRssKb += rss;
                    p.samples++;
                } catch (IOException | RuntimeException gone) {
                    // the process ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Proc> results() {
        Map<String, Proc> byName = new LinkedHashMap<>();
        for (String[] k : KINDS) {
            procs.values().stream().filter(p -> p.name.equals(k[1])).forEach(p -> byName.put(p.name + "#" + p.pid, p));
        }
        return new ArrayList<>(byName.values());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sampleOnce();
    }
}
