package fr.convergence.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rules of one service as a table — every route × every role × an object of the caller's own territory
 * (or ACI) and one of another — checked against the running service over real HTTP with real tokens.
 *
 * <p>The routes come from the service itself (its request mappings), so a route added without a row in the table,
 * or a row left for a removed route, fails the check. Outcomes are judged by what the caller learns: {@code allow}
 * (the route's own answer: 2xx, or 400/409/422 about the request), {@code deny} (403 problem+json) or {@code hide}
 * (404 problem+json: the object's existence is not revealed). A 401 or 5xx is always a failure.
 *
 * <p>The table is written to {@code target/access-matrix-<service>.md}: the living documentation of who may do what.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("cip", "encadrant", "partnership-officer", "coordinator", "national-analyst",
            "auditor", "admin", "evaluator");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Set<String> NOT_API = Set.of("/error");

    private final String service;
    private final JsonNode table;

    private AccessMatrix(String service, JsonNode table) {
        this.service = service;
        this.table = table;
    }

    /** Reads {@code resource} (YAML) from the test class path. */
    public static AccessMatrix load(String service, String resource) {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the class path");
            }
            return new AccessMatrix(service, YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every route the service answers, as "METHOD /pattern", documentation and error pages left out. */
    public static Set<String> routesOf(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (NOT_API.contains(pattern) || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }
        return routes;
    }

    /**
     * Runs the whole table. {@code fixtures} creates the objects the paths name (own and other territory) and
     * returns their ids by placeholder name; it is called once, and again for each case of a {@code fresh} route
     * (a route that consumes its object, such as a deletion).
     */
    public void verify(Set<String> serviceRoutes, Http anonymous, Supplier<Map<String, String>> fixtures) {
        JsonNode routes = table.get("routes");
        Set<String> documented = new TreeSet<>(routes.propertyNames());
        Set<String> undocumented = new TreeSet<>(serviceRoutes);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(serviceRoutes);
        assertThat(undocumented).as("routes of %s without an access rule in the matrix", service).isEmpty();
        assertThat(stale).as("access rules of %s for routes that no longer exist", service).isEmpty();

        Map<String, String> shared = fixtures.get();
        List<String> failures = new ArrayList<>();
        // Authentication first: every route refuses a missing, expired, foreign-issuer or foreign-audience token and an
        // ID token with 401 problem+json.
        TestIssuer issuer = TestIssuer.get();
        Map<String, Http> badCallers = new LinkedHashMap<>();
        badCallers.put("no token", anonymous);
        badCallers.put("expired token", anonymous.as(issuer.expired("admin", null, null)));
        badCallers.put("foreign-issuer token", anonymous.as(issuer.foreign("admin", null, null)));
        badCallers.put("ID token", anonymous.as(issuer.idToken("admin", null, null)));
        badCallers.put("foreign-audience token", anonymous.as(issuer.foreignAudience("admin", null, null)));
        badCallers.put("malformed token", anonymous.as("not-a-jwt"));
        for (String route : documented) {
            JsonNode rule = routes.get(route);
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(rule.get("own").asString(), shared);
            String body = rule.has("body") && !rule.get("body").isNull() ? fill(rule.get("body").asString(), shared) : null;
            badCallers.forEach((what, http) -> {
                Http.Response r = http.send(method, path, body);
                if (r.status() != 401 || !r.isProblem()) {
                    failures.add("%s with %s: expected 401 problem+json, got %d %s".formatted(route, what, r.status(),
                            abbreviate(r.raw())));
                }
            });
        }
        StringBuilder doc = new StringBuilder("# Access matrix of " + service + "\n\n"
                + "Generated by the access-matrix test from the service's routes. Each cell: own territory (or ACI) / "
                + "another territory. allow = authorised, deny = 403, hide = 404, - = no other-territory case.\n\n"
                + "| route | " + String.join(" | ", ROLES) + " |\n|---|" + "---|".repeat(ROLES.size()) + "\n");
        for (String route : documented) {
            JsonNode rule = routes.get(route);
            String method = route.substring(0, route.indexOf(' '));
            doc.append("| `").append(route).append("` |");
            for (String role : ROLES) {
                JsonNode expected = rule.path("expect").get(role);
                assertThat(expected).as("%s: no expectation for role %s", route, role).isNotNull();
                StringBuilder cell = new StringBuilder();
                for (String scope : List.of("own", "other")) {
                    int index = scope.equals("own") ? 0 : 1;
                    if (!rule.has(scope)) {
                        continue;
                    }
                    String want = expected.get(index).asString();
                    Map<String, String> ids = rule.path("fresh").asBoolean(false) ? fixtures.get() : shared;
                    String path = fill(rule.get(scope).asString(), ids);
                    String body = rule.has("body") && !rule.get("body").isNull() ? fill(rule.get("body").asString(), ids) : null;
                    Http.Response r = anonymous.as(token(role)).send(method, path, body);
                    String got = outcome(r.status());
                    if (!want.equals(got) || (!got.equals("allow") && !r.isProblem())) {
                        failures.add("%s as %s (%s): expected %s, got %d %s".formatted(route, role, scope, want,
                                r.status(), abbreviate(r.raw())));
                    }
                    cell.append(cell.isEmpty() ? "" : " / ").append(want);
                }
                if (!rule.has("other")) {
                    cell.append(" / -");
                }
                doc.append(' ').append(cell).append(" |");
            }
            doc.append('\n');
        }
        write(doc.toString());
        assertThat(failures).as("access matrix of %s", service).isEmpty();
    }

    /**
     * For each route, the first role of {@code preference} the matrix allows on the caller's own objects: the caller
     * a fuzzer uses so that bad input gets past authorization into validation and the domain. A route no preferred
     * role may call is missing from the map.
     */
    public Map<String, String> allowedRoleByRoute(List<String> preference) {
        Map<String, String> roles = new LinkedHashMap<>();
        JsonNode routes = table.get("routes");
        for (String route : routes.propertyNames()) {
            JsonNode expect = routes.get(route).get("expect");
            preference.stream().filter(role -> expect.has(role) && "allow".equals(expect.get(role).get(0).asString()))
                    .findFirst().ifPresent(role -> roles.put(route, role));
        }
        return roles;
    }

    /** A token for the matrix's caller of this role, as its {@code callers} section describes. */
    public String token(String role) {
        JsonNode caller = table.path("callers").path(role);
        return TestIssuer.get().token(role, text(caller, "territory"), text(caller, "aci"));
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
    }

    private static String outcome(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "deny";
            case 404 -> "hide";
            default -> status >= 500 ? "error" : "allow";
        };
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no fixture named " + m.group(1) + " for " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private void write(String markdown) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("access-matrix-" + service + ".md"), markdown);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Convenience for fixtures: an ordered map literal. */
    public static Map<String, String> ids(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
