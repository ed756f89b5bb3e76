package fr.convergence.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Samples a platform process with JDK Flight Recorder ({@code jcmd <pid> JFR.start}, settings=profile: a Java
 * stack every 10 ms per running thread, and threads in native code such as socket reads every 20 ms) while one
 * harness step runs, then summarises the recording: the hottest methods on top of the stack (self) and the
 * methods present anywhere on the stack (inclusive), as a share of all samples.
 */
final class JfrProfile {

    private final long pid;
    private final String name;
    private final Path file;

    private JfrProfile(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    static JfrProfile start(long pid, String name, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".jfr").toAbsolutePath();
            Files.deleteIfExists(file);
            jcmd(pid, "JFR.start", "name=bench-" + name, "settings=profile", "filename=" + file);
            return new JfrProfile(pid, name, file);
        } catch (Exception e) {
            System.out.println("   (profiling " + name + " unavailable: " + e.getMessage() + ")");
            return null;
        }
    }

    /** Stops the recording and writes a text summary beside it; returns the summary path. */
    Path stopAndSummarise() {
        try {
            jcmd(pid, "JFR.stop", "name=bench-" + name);
            for (int i = 0; i < 50 && !Files.exists(file); i++) {
                Thread.sleep(100);
            }
            Path summary = file.resolveSibling(name + ".txt");
            Files.writeString(summary, summarise(file));
            return summary;
        } catch (Exception e) {
            System.out.println("   (profile " + name + " failed: " + e.getMessage() + ")");
            return null;
        }
    }

    static String summarise(Path jfr) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String type : List.of("jdk.ExecutionSample", "jdk.NativeMethodSample")) {
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> inclusive = new HashMap<>();
            Map<String, Integer> threads = new HashMap<>();
            int total = 0;
            try (RecordingFile recording = new RecordingFile(jfr)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    if (!e.getEventType().getName().equals(type)) {
                        continue;
                    }
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    total++;
                    String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(frame(frames.get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String m = frame(f);
                        if (seen.add(m)) {
                            inclusive.merge(m, 1, Integer::sum);
                        }
                    }
                }
            }
            out.append("== ").append(type).append(": ").append(total).append(" samples\n");
            append(out, "threads", threads, total, 12);
            append(out, "self (top of stack)", self, total, 30);
            append(out, "inclusive (anywhere on the stack)", inclusive, total, 70);
        }
        return out.toString();
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void append(StringBuilder out, String title, Map<String, Integer> counts, int total, int limit) {
        out.append("-- ").append(title).append('\n');
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(en -> out.append(String.format(Locale.ROOT, "%6d %5.1f%%  %s%n", en.getValue(),
                        100.0 * en.getValue() / Math.max(1, total), en.getKey())));
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "jcmd";
        cmd[1] = Long.toString(pid);
        System.arraycopy(args, 0, cmd, 2, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + ": " + output.trim());
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.print(summarise(Path.of(args[0])));
    }
}
