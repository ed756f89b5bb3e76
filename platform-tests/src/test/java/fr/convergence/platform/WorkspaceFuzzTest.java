package fr.convergence.platform;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzer over every route of the staff workspace, on the real services (issue 16's quality bar: "the access
 * matrix and fuzzer cover the workspace's routes"). It does not list the routes: for each demo role it crawls the
 * workspace from {@code /}, following every {@code /espace} link and collecting every form, so a page added later is
 * fuzzed without touching this class. Every form is then posted with a forged token (must be 403) and with hostile
 * values, all fields at once and one field at a time among plausible ones; every query parameter is given the same
 * values. Whatever comes back must be an answer, never a crash: no 5xx, no stack trace, no error page of the
 * framework, and no hostile text sent back unescaped.
 * <p>
 * The workspace is called directly with the user's bearer token, as the gateway relays it after sign-in (the real
 * sign-in form and the gateway are walked by {@code WorkspaceBrowserTest}).
 */
class WorkspaceFuzzTest {

    /** Hostile or malformed values, each aimed at one way a form handler, a template or a service can fail. */
    static final List<String> HOSTILE = List.of(
            "",
            "   ",
            "<script>alert('fz')</script>",
            "\"><img src=x onerror=alert('fz')>",
            "=HYPERLINK(\"http://evil.example\")",
            "+cmd|'/C calc'!A0",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "24,5,5",
            "31/02/2026",
            "2026-13-45",
            "00/00/0000",
            "../../../../etc/passwd",
            "{\"$gt\":\"\"}",
            "' OR '1'='1",
            "\u202Egnp.exe",
            "nul\u0000byte",
            "é".repeat(5000),
            "\uD83D\uDE00\uD83D\uDE00",
            "%00%0d%0aSet-Cookie:x=y",
            "${7*7}",
            "__${T(java.lang.Runtime).getRuntime()}__::.x",
            "[[${T(java.lang.System).exit(0)}]]");

    /** The values that must never come back as they were sent: markup that a browser would run. */
    static final List<String> MUST_BE_ESCAPED = List.of("<script>alert('fz')</script>", "<img src=x onerror=alert('fz')>");

    /** The few hostile values also tried one field at a time, the other fields holding plausible values. */
    static final List<String> ONE_AT_A_TIME = List.of("", "<script>alert('fz')</script>", "99999999999999999999999",
            "31/02/2026", "é".repeat(5000), "__${T(java.lang.Runtime).getRuntime()}__::.x");

    // The chargé·e de partenariat first: the CIP's fuzzing may well exit the seeded person (an exit form whose only
    // optional field is left empty is a valid exit), which closes the need her pages are reached through.
    static final List<String> ROLES = List.of("cdp-paris", "cip-aci-paris-1", "encadrant-paris-1", "auditor-paris",
            "auditor", "admin", "coordinator-paris");

    static final int PAGES_PER_SHAPE = 2;
    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static Platform platform;
    static String workspace;
    static String participantId;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(Files.createTempDirectory("workspace-fuzz"));
        Map<String, String> paris = Map.of("TERRITORY", "paris", "TERRITORIES", "paris");
        platform.service("participant", "participant-service", with(paris, "MONGODB_DATABASE", "participant_fz"));
        platform.service("partnership", "partnership-service", with(paris, "MONGODB_DATABASE", "partnership_fz"));
        platform.service("reporting", "reporting-service", with(paris, "MONGODB_DATABASE", "reporting_fz"));
        platform.startInfrastructure();
        platform.start("participant");
        platform.start("partnership");
        platform.start("reporting");
        platform.service("pathway", "pathway-service", with(with(with(paris, "MONGODB_DATABASE", "pathway_fz"),
                "PARTICIPANT_URL", platform.url("participant")), "PARTNERSHIP_URL", platform.url("partnership")));
        platform.start("pathway");
        platform.service("workspace", "workspace", Map.of("PARTICIPANT_URL", platform.url("participant"),
                "PATHWAY_URL", platform.url("pathway"), "PARTNERSHIP_URL", platform.url("partnership"),
                "REPORTING_URL", platform.url("reporting"), "AUDIT_URL", platform.url("pathway")));
        platform.start("workspace");
        workspace = platform.url("workspace");
        seed();
    }

    /** One person of aci-paris-1 with a pathway, a housing need for the partnership queue and a partner. */
    private static void seed() {
        Api cip = new Api(platform.url("participant")).as(platform.signIn(), "cip-aci-paris-1");
        Api.Reply registered = cip.post("/api/participants", """
                {"firstName":"<script>alert('fz')</script>","lastName":"=HYPERLINK(\\"x\\")","birthDate":"1979-04-12",
                 "referentId":"cip-aci-paris-1","aciId":"aci-paris-1"}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        participantId = registered.body().get("participantId").asText();
        Api pathways = new Api(platform.url("pathway")).as(platform.signIn(), "cip-aci-paris-1");
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(3);
        Api.Reply hired = pathways.post("/api/pathways", """
                {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s","plannedEnd":"%s","weeklyHours":26}"""
                .formatted(participantId, start, start.plusMonths(20)));
        assertThat(hired.status()).as(hired.raw()).isEqualTo(201);
        String pathway = hired.body().get("pathwayId").asText();
        assertThat(pathways.post("/api/pathways/" + pathway + "/barriers", """
                {"date":"%s","domain":"HOUSING","intensity":"HIGH","handling":"PARTNER"}""".formatted(start.plusDays(5)))
                .status()).isEqualTo(200);
        // the need reaches partnership-service through Kafka: wait for it, or the crawl may find an empty queue
        Api officer = new Api(platform.url("partnership")).as(platform.signIn(), "cdp-paris");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> officer.get("/api/partnerships/participants/" + participantId + "/needs").raw().contains("\"OPEN\""));
        Api coordinator = new Api(platform.url("partnership")).as(platform.signIn(), "coordinator-paris");
        assertThat(coordinator.post("/api/partnerships/partners", """
                {"name":"<b>Foyer</b> des Amandiers","domains":["HOUSING"],"contacts":[{"name":"Accueil","email":"accueil@amandiers.example"}]}""")
                .status()).isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void noInputBreaksAnyRouteOfTheWorkspaceForAnyRole() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> requests = new LinkedHashMap<>();
        Set<String> routes = new TreeSet<>();
        for (String user : ROLES) {
            Fuzzer fuzzer = new Fuzzer(user, platform.signIn().token(user), failures, routes);
            fuzzer.crawlAndFuzz();
            requests.put(user, fuzzer.requests);
        }
        System.out.println("workspace fuzz: requests per role " + requests + "; routes seen " + routes);
        // the crawl must actually have reached the pages of each role, or the fuzzing proved nothing
        assertThat(routes).contains("GET /espace/salaries", "GET /espace/salaries/{id}", "POST /espace/salaries/nouveau",
                "POST /espace/salaries/{id}/parcours/{id}/heures-hebdomadaires", "POST /espace/heures",
                // and the other roles' homes and pages (issue 17), reached by the same crawl
                "GET /espace/besoins", "GET /espace/partenaires", "GET /espace/orientations/nouvelle",
                "GET /espace/territoire", "GET /espace/reseau", "GET /espace/audit",
                "GET /espace/administration/referentiel", "GET /espace/administration/lettres-mortes",
                "GET /espace/administration/reconstructions");
        assertThat(routes.stream().filter(r -> r.startsWith("POST")).count()).as("forms fuzzed").isGreaterThan(10);
        assertThat(failures).as("responses that were not a proper answer").isEmpty();
    }

    /** Replaces ids and numbers in a path so that pages of one shape (one person, one page number) count once. */
    static String shape(String pathAndQuery) {
        String path = pathAndQuery.split("[?#]")[0];
        // a segment holding a digit is an id or a number (a pathway id, aci-paris-1, a page); a participant id
        // (PSN- and twelve letters or digits) may hold no digit at all: about one in thirty did, and the crawl then
        // seemed not to have reached the person's page
        String normalised = path.replaceAll("/(PSN-[^/]*|[^/]*[0-9][^/]*)", "/{id}");
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return normalised;
        }
        Set<String> names = new TreeSet<>();
        for (String p : pathAndQuery.substring(q + 1).split("&")) {
            names.add(p.split("=")[0]);
        }
        return normalised + "?" + String.join("&", names);
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }

    /** One role's crawl: every reachable page, then every form and query parameter fuzzed. */
    static final class Fuzzer {
        final String user;
        final String token;
        final List<String> failures;
        final Set<String> routes;
        final Map<String, Integer> pagesPerShape = new HashMap<>();
        final Map<String, Element> forms = new LinkedHashMap<>();
        final Map<String, String> formPages = new HashMap<>();
        final Set<String> queried = new LinkedHashSet<>();
        int requests;

        Fuzzer(String user, String token, List<String> failures, Set<String> routes) {
            this.user = user;
            this.token = token;
            this.failures = failures;
            this.routes = routes;
        }

        void crawlAndFuzz() {
            crawl();
            for (Map.Entry<String, Element> form : forms.entrySet()) {
                fuzzForm(form.getKey(), form.getValue());
            }
            for (String url : queried) {
                fuzzQuery(url);
            }
        }

        private void crawl() {
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            Set<String> seen = new LinkedHashSet<>();
            while (!queue.isEmpty() && seen.size() < 150) {
                String url = queue.poll();
                if (!seen.add(url) || pagesPerShape.merge(shape(url), 1, Integer::sum) > PAGES_PER_SHAPE) {
                    continue;
                }
                Reply reply = get(url);
                if (reply.status / 100 == 3 && reply.location != null && reply.location.startsWith("/")) {
                    queue.addFirst(reply.location);
                    continue;
                }
                if (reply.status != 200 || !reply.html()) {
                    continue;
                }
                Document page = Jsoup.parse(reply.body, workspace + url);
                for (Element a : page.select("a[href]")) {
                    String href = local(a.attr("abs:href"));
                    if (href != null && href.startsWith("/espace") && !href.contains("/static/")) {
                        queue.add(href.split("#")[0]);
                    }
                }
                for (Element form : page.select("form")) {
                    String action = local(form.attr("abs:action"));
                    if (action == null || !action.startsWith("/espace")) {
                        continue;
                    }
                    if ("post".equalsIgnoreCase(form.attr("method"))) {
                        String key = shape(action);
                        if (!forms.containsKey(key)) {
                            forms.put(key, form);
                            formPages.put(key, url);
                        }
                    } else {
                        queried.add(action + "?" + form.select("input[name], select[name]").stream()
                                .map(e -> e.attr("name") + "=x").collect(Collectors.joining("&")));
                    }
                }
                if (url.contains("?")) {
                    queried.add(url);
                }
            }
        }

        /** A forged token first (403, nothing sent), then hostile values with a fresh form each time. */
        private void fuzzForm(String key, Element original) {
            Element form = original;
            Map<String, String> forged = values(form, null, null);
            forged.put("_csrf", "forged");
            Reply refused = post(local(form.attr("abs:action")), forged);
            if (forged.containsKey("_formKey") && refused.status != 403) {
                failures.add(user + " POST " + key + " with a forged token: " + refused.status + " (403 expected)");
            }
            for (String hostile : HOSTILE) {
                form = fresh(key, form);
                post(local(form.attr("abs:action")), values(form, null, hostile));
            }
            for (String field : fieldNames(form)) {
                for (String hostile : ONE_AT_A_TIME) {
                    form = fresh(key, form);
                    post(local(form.attr("abs:action")), values(form, field, hostile));
                }
            }
        }

        private void fuzzQuery(String url) {
            int q = url.indexOf('?');
            String path = url.substring(0, q);
            List<String> names = new ArrayList<>();
            for (String p : url.substring(q + 1).split("&")) {
                if (!p.isEmpty()) {
                    names.add(p.split("=")[0]);
                }
            }
            for (String hostile : HOSTILE) {
                String query = names.stream().map(n -> enc(n) + "=" + enc(hostile)).collect(Collectors.joining("&"));
                get(path + "?" + query);
            }
        }

        /** The same form re-read from its page: a form that succeeded has used its idempotency key. */
        private Element fresh(String key, Element current) {
            Reply reply = get(formPages.get(key));
            if (reply.status == 200 && reply.html()) {
                for (Element form : Jsoup.parse(reply.body, workspace + formPages.get(key)).select("form")) {
                    String action = local(form.attr("abs:action"));
                    if (action != null && shape(action).equals(key)) {
                        return form;
                    }
                }
            }
            return current;
        }

        private static List<String> fieldNames(Element form) {
            List<String> names = new ArrayList<>();
            for (Element e : form.select("input[name], select[name], textarea[name]")) {
                String type = e.attr("type");
                if (!type.equals("hidden") && !type.equals("submit") && !names.contains(e.attr("name"))) {
                    names.add(e.attr("name"));
                }
            }
            return names;
        }

        /**
         * The form's values: hidden fields as given (tokens), visible fields plausible (a date, a number, the first
         * choice), except {@code hostileField} (or every visible field when null) set to {@code hostile}.
         */
        private static Map<String, String> values(Element form, String hostileField, String hostile) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Element e : form.select("input[name], select[name], textarea[name]")) {
                String name = e.attr("name");
                String type = e.attr("type");
                if (type.equals("hidden")) {
                    values.put(name, e.val());
                    continue;
                }
                if (type.equals("submit") || values.containsKey(name)) {   // a radio group or a repeated name: once
                    continue;
                }
                boolean hit = hostile != null && (hostileField == null || hostileField.equals(name));
                values.put(name, hit ? hostile : plausible(e));
            }
            return values;
        }

        private static String plausible(Element e) {
            if (e.tagName().equals("select")) {
                return e.select("option[value]").stream().map(o -> o.attr("value")).filter(v -> !v.isBlank())
                        .findFirst().orElse("");
            }
            String name = e.attr("name").toLowerCase();
            if (!e.val().isBlank() && !e.attr("type").equals("checkbox")) {
                return e.val();
            }
            if (name.contains("date") || name.endsWith("on") || name.contains("end") || name.contains("start")) {
                return LocalDate.now(ZoneId.of("Europe/Paris")).format(FR);
            }
            if (name.contains("hours") || name.contains("heures")) {
                return "24";
            }
            if (name.contains("mail")) {
                return "a@b.example";
            }
            return e.attr("type").equals("checkbox") ? "on" : "Texte ordinaire";
        }

        private Reply get(String url) {
            return send("GET " + url, HttpRequest.newBuilder(URI.create(workspace + url)).GET());
        }

        private Reply post(String url, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            Reply reply = send("POST " + url, HttpRequest.newBuilder(URI.create(workspace + url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (reply.status / 100 == 3 && reply.location != null && reply.location.startsWith("/")) {
                get(reply.location);   // the page a success leads to must render too
            }
            return reply;
        }

        private Reply send(String what, HttpRequest.Builder request) {
            requests++;
            String line = what.split("\\?")[0];
            routes.add(line.split(" ")[0] + " " + shape(line.split(" ", 2)[1]));
            try {
                HttpResponse<String> r = HTTP.send(request.header("Authorization", "Bearer " + token)
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Reply reply = new Reply(r.statusCode(), r.body(), r.headers().firstValue("Location")
                        .map(WorkspaceFuzzTest::local).orElse(null), r.headers().firstValue("Content-Type").orElse(""));
                check(what, reply);
                return reply;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                failures.add(user + " " + abbreviate(what) + ": no answer (" + e + ")");
                return new Reply(-1, "", null, "");
            }
        }

        private void check(String what, Reply reply) {
            String where = user + " " + abbreviate(what) + " → " + reply.status;
            if (reply.status >= 500) {
                failures.add(where + " (server error)");
            }
            if (reply.body.contains("Whitelabel Error Page") || reply.body.contains("at fr.convergence.")
                    || reply.body.contains("at org.springframework.")) {
                failures.add(where + " (framework error page or stack trace shown)");
            }
            for (String raw : MUST_BE_ESCAPED) {
                if (reply.body.contains(raw)) {
                    failures.add(where + " (hostile markup sent back unescaped: " + raw + ")");
                }
            }
        }
    }

    record Reply(int status, String body, String location, String contentType) {
        boolean html() {
            return contentType.startsWith("text/html");
        }
    }

    /** The path and query of a workspace URL, or null for another site. */
    static String local(String absolute) {
        if (absolute == null || absolute.isBlank()) {
            return null;
        }
        if (absolute.startsWith("/")) {
            return absolute;
        }
        if (!absolute.startsWith(workspace)) {
            return null;
        }
        String rest = absolute.substring(workspace.length());
        return rest.isEmpty() ? "/" : rest;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
