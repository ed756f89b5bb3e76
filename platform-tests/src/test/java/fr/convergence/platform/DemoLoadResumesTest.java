package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23: the demo loads exactly once. The loader runs as its own process against the whole platform (every
 * service serving the eight territories, as in ./run.sh), is interrupted half-way with SIGINT, then again with
 * SIGKILL, and started again: the people present per territory — hired pathways in the national figures and
 * registered people in participant-service — equal the seed table, with nobody twice. Started again with its
 * journal gone, it replays every call with its idempotency key and still changes nothing.
 *
 * <p>The seed table is DOMAIN.md's (355, 257, 238, 214, 218, 111, 142, 135; 1,670 in all). The test runs it at
 * {@code demo.scale} (default 0.05, rounded per territory like the loader, at least one person) to stay within
 * the suite's time; {@code -Ddemo.scale=1} runs the full demo (about ten minutes a load on 2 cores).
 */
class DemoLoadResumesTest {

    static final Map<String, Integer> SEED = new LinkedHashMap<>();

    static {
        SEED.put("paris", 355);
        SEED.put("lyon", 257);
        SEED.put("lille", 238);
        SEED.put("nantes", 214);
        SEED.put("strasbourg", 218);
        SEED.put("rouen", 111);
        SEED.put("charente", 142);
        SEED.put("marseille", 135);
    }

    static final double SCALE = Double.parseDouble(System.getProperty("demo.scale", "0.05"));
    static final String ALL = String.join(",", SEED.keySet());
    static Platform platform;
    static Path journal;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("demo-resume");
        journal = data.resolve("demo-progress");
        platform = new Platform(data);
        Map<String, String> everyTerritory = Map.of("TERRITORY", "paris", "TERRITORIES", ALL);
        platform.service("participant", "participant-service", with(everyTerritory, "MONGODB_DATABASE", "participant_demo"));
        platform.service("pathway", "pathway-service", with(everyTerritory, "MONGODB_DATABASE", "pathway_demo"));
        platform.service("partnership", "partnership-service", with(everyTerritory, "MONGODB_DATABASE", "partnership_demo"));
        platform.service("reporting", "reporting-service", with(everyTerritory, "MONGODB_DATABASE", "reporting_demo"));
        platform.startInfrastructure();
        for (String s : new String[] {"participant", "pathway", "partnership", "reporting"}) {
            platform.start(s);
        }
        platform.service("gateway", "gateway", Map.of(
                "PARTICIPANT_URL", platform.url("participant"), "PATHWAY_URL", platform.url("pathway"),
                "PARTNERSHIP_URL", platform.url("partnership"), "REPORTING_URL", platform.url("reporting"),
                "AUDIT_URL", platform.url("pathway")));
        platform.start("gateway");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put(key, value);
        return all;
    }

    static Map<String, Long> expected() {
        Map<String, Long> counts = new LinkedHashMap<>();
        SEED.forEach((t, n) -> counts.put(t, (long) Math.max(1, Math.round(n * SCALE))));
        return counts;
    }

    @Test
    void anInterruptedLoadIsCompletedOnceAndARerunChangesNothing() throws Exception {
        long total = expected().values().stream().mapToLong(Long::longValue).sum();

        // SIGINT half-way through
        Loader first = Loader.start();
        first.awaitJournal(total / 4);
        first.signal(Loader.interruptSignal());
        assertThat(first.exitCode()).isNotZero();
        assertThat(first.output()).contains("interrupted: demo data:");
        long afterInterrupt = doneLines();
        assertThat(afterInterrupt).isLessThan(total);

        // SIGKILL a little further on: no goodbye, requests cut in flight
        Loader second = Loader.start();
        second.awaitJournal(Math.min(total - 1, afterInterrupt + total / 4));
        second.kill();
        assertThat(doneLines()).isLessThan(total);

        // started again: completes what is missing
        Loader third = Loader.start();
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(third.output()).contains("demo data: %d / %d people present".formatted(total, total));
        assertThat(third.output()).doesNotContain("demo data: 0 / ").doesNotContain("partners: none");
        assertFiguresEqualTheSeedTable();
        Map<String, Long> referrals = partnerNetworks();
        assertThat(referrals.values().stream().mapToLong(Long::longValue).sum()).as("referrals sent").isPositive();

        // the journal lost: every call is replayed with its idempotency key, nothing is recorded twice
        Files.write(journal, Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("done ")).toList(), StandardCharsets.UTF_8);
        Loader replay = Loader.start();
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("demo data: %d / %d people present (%d completed this run)"
                .formatted(total, total, total));
        // and once more with the journal: nothing to do
        Loader again = Loader.start();
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("demo data: %d / %d people present (0 completed this run)".formatted(total, total));
        assertFiguresEqualTheSeedTable();
        assertThat(partnerNetworks()).as("referrals per territory after the replay").isEqualTo(referrals);
    }

    /** National figures (hired pathways per territory) and registered people per territory equal the seed table. */
    private void assertFiguresEqualTheSeedTable() {
        Map<String, Long> expected = expected();
        Api analyst = new Api(platform.url("gateway")).as(platform.signIn(), "analyst");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode national = analyst.get("/api/reporting/national").body();
            Map<String, Long> entered = new LinkedHashMap<>();
            for (JsonNode row : national.get("breakdown")) {
                entered.put(row.get("code").asText(), row.get("entered").asLong());
            }
            assertThat(entered).isEqualTo(expected);
        });
        for (String territory : SEED.keySet()) {
            Api coordinator = new Api(platform.url("gateway")).as(platform.signIn(), "coordinator-" + territory);
            Api.Reply page = coordinator.post("/api/participants/search?purpose=demo-check",
                    "{\"territory\":\"%s\",\"size\":1}".formatted(territory));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().get("total").asLong()).as("people registered in " + territory)
                    .isEqualTo(expected.get(territory));
        }
    }

    /**
     * Each territory's partner network has the demo's ten partners, once each; answers the number of referrals
     * the territory's partners received.
     */
    private Map<String, Long> partnerNetworks() {
        Map<String, Long> referrals = new LinkedHashMap<>();
        for (String territory : SEED.keySet()) {
            Api coordinator = new Api(platform.url("gateway")).as(platform.signIn(), "coordinator-" + territory);
            JsonNode partners = coordinator.get("/api/partnerships/partners?size=200").body();
            assertThat(partners.get("total").asLong()).as("partners of " + territory).isEqualTo(10);
            long count = 0;
            for (JsonNode partner : partners.get("items")) {
                count += coordinator.get("/api/partnerships/partners/" + partner.get("partnerId").asText()
                        + "/referrals?size=1").body().get("total").asLong();
            }
            referrals.put(territory, count);
        }
        return referrals;
    }

    private static long doneLines() throws IOException {
        return Files.readAllLines(journal, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("done ") && l.endsWith(";")).count();
    }

    /** The demo loader as run.sh runs it: its own JVM, the journal in the data directory. */
    private record Loader(Process process, Path log) {

        static Loader start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String infraCp = Files.readString(Path.of(System.getProperty("platform.infraClasspath",
                    Platform.ROOT.resolve("deploy/target/infra-classpath.txt").toString()))).trim()
                    + System.getProperty("path.separator") + Platform.ROOT.resolve("deploy/target/classes");
            Path log = Files.createTempFile(platform.logs(), "demo-loader", ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", infraCp,
                    "fr.convergence.deploy.demo.DemoDataLoader", platform.url("gateway"), String.valueOf(SCALE))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("OIDC_ISSUER", platform.issuer());
            builder.environment().put("DEMO_PROGRESS", journal.toString());
            return new Loader(builder.start(), log);
        }

        void awaitJournal(long people) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || Files.exists(journal) && doneLines() >= people);
            assertThat(process.isAlive()).as("the loader ended before it was interrupted: " + output()).isTrue();
        }

        /**
         * Ctrl-C's SIGINT, unless this test runs with SIGINT ignored (a job sent to the background by a
         * non-interactive shell: the loader inherits the ignored signal and the JVM then installs no handler for it);
         * SIGTERM then, which the loader's shutdown hook treats the same way.
         */
        static String interruptSignal() throws java.io.IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:") && (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0) {
                    System.out.println("SIGINT is ignored in this run: interrupting with SIGTERM");
                    return "TERM";
                }
            }
            return "INT";
        }

        void signal(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the demo loader did not end in 20 minutes: " + output());
            }
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
