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
 * in participant-service and given a plausible pathway in pathway-service, and partner referrals for barriers
 * handled by partners — all through the gateway's public API, never straight into a database.
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
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();
    private final PartnerNetwork partners;

    DemoDataLoader(String gateway, String identityProvider) {
        this.api = new ApiClient(gateway, new SignIn(identityProvider,
                System.getenv().getOrDefault("DEMO_PASSWORD", "demo")));
        this.partners = new PartnerNetwork(api);
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String identityProvider = System.getenv().getOrDefault("OIDC_ISSUER", "http://127.0.0.1:9000");
        double scale = args.length > 1 ? Double.parseDouble(args[1])
                : Double.parseDouble(System.getenv().getOrDefault("DEMO_SCALE", "1.0"));
        int failures = new DemoDataLoader(gateway, identityProvider).load(scale);
        System.exit(failures == 0 ? 0 : 1);
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

    int load(double scale) throws Exception {
        List<Runnable> people = new ArrayList<>();
        Map<String, List<String>> acis = acisByTerritory();
        for (Territories t : Territories.ALL) {
            partners.ensure(t.code());
            List<String> ofTerritory = acis.getOrDefault(t.code(), List.of());
            if (ofTerritory.isEmpty()) {
                throw new IllegalStateException("participant-service lists no ACI for " + t.code());
            }
            int count = Math.max(1, (int) Math.round(t.participants() * scale));
            for (int i = 0; i < count; i++) {
                long seed = (t.code().hashCode() * 31L) + i;
                String aci = ofTerritory.get(i % ofTerritory.size());
                people.add(() -> onePerson(t.code(), aci, new Random(seed)));
            }
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable person : people) {
            futures.add(pool.submit(() -> {
                try {
                    person.run();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    note(e.getMessage());
                } finally {
                    done.incrementAndGet();
                }
            }));
        }
        while (done.get() < people.size()) {
            progress(people.size(), started);
            Thread.sleep(500);
        }
        progress(people.size(), started);
        System.out.println();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("    demo data: %d participants, %d API calls in %.0f s (%.0f calls/s), %d failed%n",
                people.size(), calls.get(), seconds, calls.get() / seconds, failed.get());
        firstErrors.forEach(e -> System.out.println("      e.g. " + e));
        return failed.get();
    }

    private void onePerson(String territory, String aci, Random random) {
        String cip = "cip-" + aci;
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("firstName", FIRST[random.nextInt(FIRST.length)]);
        identity.put("lastName", LAST[random.nextInt(LAST.length)]);
        identity.put("birthDate", LocalDate.of(1962 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
        identity.put("phone", "06 " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)));
        identity.put("referentId", cip);
        identity.put("aciId", aci);
        ApiClient.Reply registered = call(api.post("/api/participants", cip, identity), "register participant");
        String participantId = registered.body().get("participantId").asText();

        PathwayScenario scenario = new PathwayScenario(random, today);
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("participantId", participantId);
        open.put("territory", territory);
        open.put("aciId", aci);
        open.put("programme", scenario.programme);
        open.put("contractStart", scenario.start.toString());
        open.put("plannedEnd", scenario.plannedEnd.toString());
        open.put("weeklyHours", scenario.weeklyHours);
        open.put("hoursDerogation", scenario.derogation);
        ApiClient.Reply opened = call(api.post("/api/pathways", cip, open), "open pathway");
        String pathwayId = opened.body().get("pathwayId").asText();
        for (PathwayScenario.Step step : scenario.steps) {
            call(api.post("/api/pathways/" + pathwayId + step.path(), cip, step.body()), step.path());
        }
        for (String domain : scenario.partnerBarriers) {
            calls.addAndGet(partners.refer(territory, participantId, domain, scenario.start, random));
        }
    }

    private ApiClient.Reply call(ApiClient.Reply reply, String what) {
        calls.incrementAndGet();
        if (!reply.ok()) {
            throw new IllegalStateException(what + " → " + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    private synchronized void note(String error) {
        if (firstErrors.size() < 5) {
            firstErrors.add(error);
        }
    }

    private void progress(int total, long started) {
        int n = done.get();
        int width = 40;
        int filled = (int) ((double) n / total * width);
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        System.out.printf("\r    [%s%s] %d/%d participants, %d calls, %.0f calls/s", "#".repeat(filled),
                " ".repeat(width - filled), n, total, calls.get(), calls.get() / seconds);
        System.out.flush();
    }
}
