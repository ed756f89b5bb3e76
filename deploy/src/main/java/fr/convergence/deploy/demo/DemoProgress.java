package fr.convergence.deploy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo load's journal: the day and scale it was started with, and each demo person whose whole scenario the
 * services have confirmed. A load started again reads it back, skips those people and replays the others with the
 * same idempotency keys — the services answer what they had already done and do the rest — so an interrupted load
 * is completed, never duplicated.
 *
 * <p>The journal only saves time: a person is written here after every call of theirs succeeded, and a line lost
 * in a crash just means that person's calls are replayed. The day is kept so that the same person gets the same
 * dates (and so the same requests) on the day the load is resumed.
 */
final class DemoProgress {

    /**
     * The version of what the demo generates (PathwayScenario, PartnerNetwork, the names). Bump it with any change to
     * them: a load resumed by another generator would send other requests under the same idempotency keys.
     */
    static final int GENERATOR = 4;   // 4: referral decline/cancel reasons are codes (issue 21 finding 8); 3: issue 18's profiles, accompaniments, housing, follow-up, all hours

    private static final String HEADER = "# Convergence demo load: who is fully loaded. Written by DemoDataLoader; "
            + "delete the data directory (./run.sh --reset-demo) to start over.";

    private final Path file;
    private final LocalDate day;
    private final double scale;
    private final Set<String> done;
    private final Writer out;

    private DemoProgress(Path file, LocalDate day, double scale, Set<String> done, Writer out) {
        this.file = file;
        this.day = day;
        this.scale = scale;
        this.done = done;
        this.out = out;
    }

    /** Only in memory: nothing to resume from (no journal file given). */
    static DemoProgress inMemory(LocalDate today, double scale) {
        return new DemoProgress(null, today, scale, new HashSet<>(), null);
    }

    /** Reads {@code file} if a load was started before (its day and scale win), or starts it with today's. */
    static DemoProgress open(Path file, LocalDate today, double scale) {
        try {
            LocalDate day = today;
            double startedScale = scale;
            int generator = 1;   // journals without the line were written by the first generator
            Set<String> done = new HashSet<>();
            boolean exists = Files.exists(file);
            if (exists) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] words = line.trim().split(" ");
                    // a line cut short by a kill is ignored: that person is replayed
                    if (words.length == 2 && words[0].equals("day")) {
                        day = LocalDate.parse(words[1]);
                    } else if (words.length == 2 && words[0].equals("generator")) {
                        generator = Integer.parseInt(words[1]);
                    } else if (words.length == 2 && words[0].equals("scale")) {
                        startedScale = Double.parseDouble(words[1]);
                    } else if (words.length == 3 && words[0].equals("done") && words[2].endsWith(";")) {
                        done.add(words[1] + " " + words[2].substring(0, words[2].length() - 1));
                    }
                }
                if (generator != GENERATOR) {
                    throw new IllegalStateException("the demo in " + file.getParent() + " was started by another "
                            + "version of the demo loader; ./run.sh --reset-demo starts over");
                }
                if (startedScale != scale) {
                    throw new IllegalStateException("the demo in " + file.getParent() + " was started at scale "
                            + startedScale + ", not " + scale + "; ./run.sh --reset-demo starts over");
                }
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, List.of(HEADER, "generator " + GENERATOR, "day " + day, "scale " + scale),
                        StandardCharsets.UTF_8);
            }
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new DemoProgress(file, day, startedScale, done, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the demo journal " + file, e);
        }
    }

    /** The demo's "today": the day the load was first started. */
    LocalDate day() {
        return day;
    }

    double scale() {
        return scale;
    }

    boolean isDone(String territory, int person) {
        return done.contains(territory + " " + person);
    }

    int doneCount() {
        return done.size();
    }

    /** Records a person whose whole scenario the services confirmed, and flushes it to the file at once. */
    synchronized void markDone(String territory, int person) {
        done.add(territory + " " + person);
        if (out != null) {
            try {
                out.write("done " + territory + " " + person + ";\n"); // ';' tells a whole line from a cut one
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo journal " + file, e);
            }
        }
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
