package fr.convergence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** BENCHMARKS.md: the generated section lives between two markers; everything around it is hand-written. */
final class Report {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private Report() {
    }

    static void write(Path file, String section) throws IOException {
        String generated = BEGIN + "\n" + section + END;
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int b = old.indexOf(BEGIN);
            int e = old.indexOf(END);
            text = b >= 0 && e > b ? old.substring(0, b) + generated + old.substring(e + END.length())
                    : old + "\n" + generated + "\n";
        } else {
            text = "# Benchmarks\n\nRun `./bench.sh` (see its header). It starts a fresh platform, measures it against raw "
                    + "baselines and rewrites the section below.\n\n" + generated + "\n";
        }
        Files.writeString(file, text);
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Machine", Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + memTotal() + " RAM, " + cpuModel());
        m.put("Java", javaVersion());
        return m;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String javaVersion() {
        try {
            Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor(10, TimeUnit.SECONDS);
            return String.join(" · ", lines);
        } catch (IOException | InterruptedException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        }
    }
}
