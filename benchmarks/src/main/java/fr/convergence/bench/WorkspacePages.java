package fr.convergence.bench;

import fr.convergence.deploy.auth.SignIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the staff workspace takes to render its pages on the demo data, measured from outside through the
 * gateway as a signed-in user would get them (the token is cached, so sign-in is not measured; the page then calls
 * the services with it). Not a test: it prints figures and asserts nothing.
 *
 * <pre>WorkspacePages [gateway-url] [requests-per-page] [clients]</pre>
 * Needs a running platform with the demo data ({@code ./run.sh}); {@code $OIDC_ISSUER} is the identity provider
 * (default http://127.0.0.1:9000). Each person page is an audited read: the access log of the people it opens grows.
 */
public final class WorkspacePages {

    private static final Pattern PERSON = Pattern.compile("href=\"(/espace/salaries/(PSN-[A-Z2-7]{12}))\"");
    private static final Pattern FORM = Pattern.compile("href=\"(/espace/salaries/PSN-[A-Z2-7]{12}/parcours/[^\"/]+/[a-z-]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String gateway;
    private final SignIn signIn;

    WorkspacePages(String gateway, SignIn signIn) {
        this.gateway = gateway;
        this.signIn = signIn;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        SignIn signIn = new SignIn(System.getenv().getOrDefault("OIDC_ISSUER", "http://127.0.0.1:9000"), "demo");
        new WorkspacePages(gateway, signIn).run(requests, clients);
    }

    void run(int requests, int clients) throws Exception {
        // another ACI than the default's with WORKSPACE_BENCH_ACI=aci-lyon-2 (each page view is an audited read of its people)
        String aci = System.getenv().getOrDefault("WORKSPACE_BENCH_ACI", "aci-paris-1");
        String cip = "cip-" + aci;
        String caseload = get(cip, "/espace/salaries").body();
        Set<String> people = new LinkedHashSet<>();
        Matcher m = PERSON.matcher(caseload);
        while (m.find()) {
            people.add(m.group(1));
        }
        if (people.isEmpty()) {
            throw new IllegalStateException("the caseload of " + cip + " lists nobody: load the demo data first (./run.sh)");
        }
        List<String> personPages = new ArrayList<>(people);
        String form = null;
        for (String person : personPages) {
            Matcher f = FORM.matcher(get(cip, person).body());
            if (f.find()) {
                form = f.group(1);
                break;
            }
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("Mes salarié·es (caseload, page 1, alerts)", new Page(cip, List.of("/espace/salaries")));
        pages.put("Mes salarié·es, filtered PHC and sorted by weekly hours", new Page(cip, List.of("/espace/salaries?programme=PHC&sort=heures")));
        pages.put("a person's page (identity, pathway, timeline)", new Page(cip, personPages));
        if (form != null) {
            pages.put("a pathway command form", new Page(cip, List.of(form)));
        }
        if (aci.endsWith("-1")) {   // the demo has an encadrant·e for each territory's first ACI
            pages.put("Heures du mois (encadrant's grid)", new Page("encadrant-" + aci.substring(4), List.of("/espace/heures")));
        }

        System.out.printf("Workspace pages through the gateway, %d requests per page, %d people in the caseload of %s%n",
                requests, people.size(), cip);
        System.out.println();
        System.out.println("| page | clients | requests | p50 ms | p95 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int concurrency : new int[] {1, clients}) {
            for (Map.Entry<String, Page> page : pages.entrySet()) {
                measure(page.getKey(), page.getValue(), requests, concurrency);
            }
        }
    }

    private record Page(String user, List<String> paths) {
    }

    private void measure(String name, Page page, int requests, int concurrency) throws Exception {
        for (int i = 0; i < Math.min(20, requests); i++) {   // warm-up: JIT, connection pools, token memory
            get(page.user(), page.paths().get(i % page.paths().size()));
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = client; i < requests; i += concurrency) {
                    String path = page.paths().get(i % page.paths().size());
                    long start = System.nanoTime();
                    HttpResponse<String> r = get(page.user(), path);
                    nanos.add(System.nanoTime() - start);
                    if (r.statusCode() != 200) {
                        errors.add(r.statusCode() + " " + path);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", name, concurrency, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, errors.size());
        if (!errors.isEmpty()) {
            System.out.println("  e.g. " + errors.get(0));
        }
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private HttpResponse<String> get(String user, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + signIn.token(user)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
