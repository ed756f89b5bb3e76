package fr.convergence.deploy.demo;

import fr.convergence.deploy.auth.SignIn;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the demo: the eight territories with the participant counts of DOMAIN.md, each participant registered
 * in participant-service and given a plausible pathway in pathway-service ({@link PathwayScenario}: entry profile,
 * contract events, accompaniment, housing trajectory, hours of every month worked, exit, follow-up contacts, a few
 * corrections), and partner referrals for barriers handled by partners — all through the gateway's public API, never
 * straight into a database. The full demo makes about 38,500 calls (PathwayScenarioTest keeps it under 40,000).
 *
 * <pre>DemoDataLoader [gateway-url] [scale]</pre> scale 1.0 loads the full counts (1,670 people). Each call is made
 * as the demo user whose job it is (ACI staff of the ACI, the territory's coordinator or chargé·e de partenariat),
 * signed in at the identity provider {@code $OIDC_ISSUER} (default http://127.0.0.1:9000).
 */
public final class DemoDataLoader {

    static final String[] FIRST = {"Karim", "Sophie", "Jean", "Nadia", "Mamadou", "Isabelle", "Pierre", "Fatou",
            "Luc", "Amina", "Michel", "Claire", "Youssef", "Sandrine", "Patrick", "Leila", "Thierry", "Aïcha",
            "Stéphane", "Nathalie", "Omar", "Véronique", "Dominique", "Samir", "Hélène", "Bruno", "Malika", "Éric"};
    static final String[] LAST = {"Martin", "Bernard", "Diallo", "Dubois", "Traoré", "Moreau", "Laurent", "Benali",
            "Lefebvre", "Garcia", "Roux", "Fournier", "Haddad", "Girard", "Bonnet", "Mercier", "Nguyen", "Lambert",
            "Faure", "Rousseau", "Camara", "Blanc", "Guérin", "Muller", "Henry", "Perrin", "Morel", "Chevalier"};

    private final ApiClient api;
    private final DemoProgress progress;
    private final LocalDate today;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger completedNow = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();
    private final PartnerNetwork partners;
    private volatile int expected;

    DemoDataLoader(String gateway, String identityProvider, DemoProgress progress) {
        this.api = new ApiClient(gateway, new SignIn(identityProvider,
                System.getenv().getOrDefault("DEMO_PASSWORD", "demo")));
        this.progress = progress;
        this.today = progress.day();
        this.partners = new PartnerNetwork(api, today);
    }

    /**
     * {@code DemoDataLoader [gateway-url] [scale]}; {@code $DEMO_PROGRESS} names the journal that makes a load
     * resumable (run.sh keeps it in its data directory). Exits 0 only when every expected person is present.
     */
    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String identityProvider = System.getenv().getOrDefault("OIDC_ISSUER", "http://127.0.0.1:9000");
        double scale = args.length > 1 ? Double.parseDouble(args[1])
                : Double.parseDouble(System.getenv().getOrDefault("DEMO_SCALE", "1.0"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String journal = System.getenv("DEMO_PROGRESS");
        DemoProgress progress = journal == null || journal.isBlank() ? DemoProgress.inMemory(today, scale)
                : DemoProgress.open(java.nio.file.Path.of(journal), today, scale);
        DemoDataLoader loader = new DemoDataLoader(gateway, identityProvider, progress);
        // Ctrl-C (SIGINT/SIGTERM): say where the load stands; the journal and the services' idempotency keys let
        // the next run complete it.
        Thread hook = new Thread(loader::interrupted, "demo-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean complete = loader.load();
        Runtime.getRuntime().removeShutdownHook(hook);
        System.exit(complete ? 0 : 1);
    }

    /** Each territory's ACI ids, in order, from participant-service's reference data (the one home of the ACI). */
    private Map<String, List<String>> acisByTerritory() {
        ApiClient.Reply reply = api.get("/api/participants/territories", "analyst");
        if (!reply.ok()) {
            throw new IllegalStateException("reading the territories → " + reply.status() + " " + reply.raw());
        }
        Map<String, List<String>> acis = new java.util.HashMap<>();
        for (var territory : reply.body()) {
            List<String> ids = new ArrayList<>();
            territory.path("acis").forEach(a -> ids.add(a.path("id").asText()));
            acis.put(territory.path("code").asText(), ids.stream().sorted(java.util.Comparator
                    .comparingInt((String id) -> id.length()).thenComparing(id -> id)).toList());
        }
        return acis;
    }

    /** One demo person: who they are in the seed table, and the ACI they are hired in. */
    private record Person(String territory, int index, String aci) {
        /** Prefix of the idempotency keys of this person's calls: stable from one run to the next. */
        String key() {
            return "demo:" + territory + ":" + index;
        }

        @Override
        public String toString() {
            return territory + " #" + index + " (" + aci + ")";
        }
    }

    /** Loads whoever is missing; true when every expected person is present. */
    boolean load() throws Exception {
        double scale = progress.scale();
        List<Person> people = new ArrayList<>();
        Map<String, List<String>> acis = acisByTerritory();
        for (Territories t : Territories.ALL) {
            partners.ensure(t.code());
            List<String> ofTerritory = acis.getOrDefault(t.code(), List.of());
            if (ofTerritory.isEmpty()) {
                throw new IllegalStateException("participant-service lists no ACI for " + t.code());
            }
            int count = Math.max(1, (int) Math.round(t.participants() * scale));
            for (int i = 0; i < count; i++) {
                people.add(new Person(t.code(), i, ofTerritory.get(i % ofTerritory.size())));
            }
        }
        expected = people.size();
        List<Person> missing = people.stream().filter(p -> !progress.isDone(p.territory(), p.index())).toList();
        if (missing.size() < people.size()) {
            System.out.printf("    demo data: %d of %d people already loaded (demo day %s); completing the other %d%n",
                    people.size() - missing.size(), people.size(), today, missing.size());
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (Person person : missing) {
            futures.add(pool.submit(() -> {
                try {
                    onePerson(person);
                    progress.markDone(person.territory(), person.index());
                    completedNow.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    note(person + ": " + e.getMessage());
                } finally {
                    done.incrementAndGet();
                }
            }));
        }
        while (done.get() < missing.size()) {
            progress(missing.size(), started);
            Thread.sleep(500);
        }
        progress(missing.size(), started);
        System.out.println();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        System.out.printf("    %d API calls in %.0f s (%.0f calls/s), %d people failed%n",
                calls.get(), seconds, calls.get() / seconds, failed.get());
        firstErrors.forEach(e -> System.out.println("      " + e));
        System.out.println("    " + summary());
        return progress.doneCount() == expected;
    }

    /** The line that always ends a load: how many of the expected people the services hold. */
    private String summary() {
        return "demo data: %d / %d people present (%d completed this run)".formatted(progress.doneCount(), expected,
                completedNow.get());
    }

    private void interrupted() {
        System.out.println();
        System.out.println("    interrupted: " + summary() + "; the next ./run.sh completes it");
        System.out.flush();
    }

    /**
     * Registers, hires and runs one person's scenario. Every write carries a key derived from the person and the
     * step, so a person interrupted half-way is completed on the next run: the services answer the steps already
     * recorded (the same participant and pathway ids) and record the rest.
     */
    private void onePerson(Person person) {
        Random random = seed(person.territory(), person.index());
        String cip = "cip-" + person.aci();
        Map<String, Object> identity = identity(random, cip, person.aci());
        ApiClient.Reply registered = call(api.post("/api/participants", cip, identity, person.key() + ":register"),
                "register");
        String participantId = registered.body().get("participantId").asText();

        PathwayScenario scenario = new PathwayScenario(random, today);
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("participantId", participantId);
        open.put("territory", person.territory());
        open.put("aciId", person.aci());
        open.put("programme", scenario.programme);
        open.put("contractStart", scenario.start.toString());
        open.put("plannedEnd", scenario.plannedEnd.toString());
        open.put("weeklyHours", scenario.weeklyHours);
        open.put("hoursDerogation", scenario.derogation);
        ApiClient.Reply opened = call(api.post("/api/pathways", cip, open, person.key() + ":hire"), "hire");
        String pathwayId = opened.body().get("pathwayId").asText();
        int n = 0;
        for (PathwayScenario.Step step : scenario.steps) {
            n++;
            Map<String, Object> body = step.path().equals(PathwayScenario.DATE_CORRECTION)
                    ? correction(pathwayId, cip, step, n) : step.body();
            call(api.post("/api/pathways/" + pathwayId + step.path(), cip, body, person.key() + ":step:" + n),
                    "step " + n + " " + step.path() + " of " + step.date());
        }
        int referral = 0;
        for (String domain : scenario.partnerBarriers) {
            referral++;
            calls.addAndGet(partners.refer(person.territory(), participantId, domain, scenario.start, random,
                    person.key() + ":referral:" + referral));
        }
    }

    /**
     * The body of a date correction: the corrected event's sequence is read from the pathway's events (its type
     * is unique in a demo pathway; its date is the wrong one, or the right one if the timeline already shows the
     * correction applied, as on a replay).
     */
    private Map<String, Object> correction(String pathwayId, String cip, PathwayScenario.Step step, int n) {
        String type = (String) step.body().get("correctedType");
        ApiClient.Reply events = call(api.get("/api/pathways/" + pathwayId + "/events", cip),
                "step " + n + " reading the events to correct");
        Long sequence = null;
        for (var line : events.body()) {
            String on = line.path("occurredOn").asText();
            if (line.path("type").asText().equals(type)
                    && (on.equals(step.body().get("wrongDate")) || on.equals(step.body().get("rightDate")))) {
                sequence = line.path("sequence").asLong();
            }
        }
        if (sequence == null) {
            throw new IllegalStateException("at step " + n + ": no " + type + " of " + step.body().get("wrongDate")
                    + " to correct in pathway " + pathwayId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", sequence);
        body.put("rightDate", step.body().get("rightDate"));
        body.put("reason", step.body().get("reason"));
        return body;
    }

    /** The demo person's own random sequence: the same person, the same story, on every run. */
    static Random seed(String territory, int index) {
        return new Random(territory.hashCode() * 31L + index);
    }

    /** Who the person is (drawn first from their sequence; their pathway scenario is drawn next). */
    static Map<String, Object> identity(Random random, String cip, String aci) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("firstName", FIRST[random.nextInt(FIRST.length)]);
        identity.put("lastName", LAST[random.nextInt(LAST.length)]);
        identity.put("birthDate", LocalDate.of(1962 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
        identity.put("phone", "06 " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)));
        identity.put("referentId", cip);
        identity.put("aciId", aci);
        return identity;
    }

    private ApiClient.Reply call(ApiClient.Reply reply, String step) {
        calls.incrementAndGet();
        if (!reply.ok()) {
            throw new IllegalStateException("at step '" + step + "' → " + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    private synchronized void note(String error) {
        if (firstErrors.size() < 20) {
            firstErrors.add(error);
        }
    }

    private void progress(int total, long started) {
        int n = done.get();
        int width = 40;
        int filled = total == 0 ? width : (int) ((double) n / total * width);
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        System.out.printf("\r    [%s%s] %d/%d participants, %d calls, %.0f calls/s", "#".repeat(filled),
                " ".repeat(width - filled), n, total, calls.get(), calls.get() / seconds);
        System.out.flush();
    }
}
