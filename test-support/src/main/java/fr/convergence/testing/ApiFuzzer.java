package fr.convergence.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property-based fuzzer generated from a running service's own OpenAPI document: for every operation it sends
 * malformed, oversized, wrongly typed, out-of-range and injection-shaped input — in the body, the path and the
 * query — as a caller the route admits, and checks the properties that must hold for any bad input:
 * <ul>
 *   <li>the answer is never a 5xx;</li>
 *   <li>a 4xx is RFC 9457 problem+json;</li>
 *   <li>an unsafe method (POST/PUT/DELETE) given invalid input is never accepted (no 2xx);</li>
 *   <li>the stored state is exactly what it was ({@code snapshot} before = after).</li>
 * </ul>
 * Generation is seeded (printed on failure) so that any failure replays.
 */
public final class ApiFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Values no valid request contains: injection shapes, control characters, huge and strange strings. */
    static final List<String> NASTY_STRINGS = List.of("' OR '1'='1", "\"; DROP TABLE x; --", "{\"$gt\":\"\"}",
            "$where", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\u0000", "\uD83D\uDCA5",
            "${jndi:ldap://x/a}", "#{7*7}", " ", "", "a".repeat(10_000), "-1", "NaN", "9".repeat(40),
            "2024-02-30", "0000-00-00", "null", "true", "[]", "{}");
    static final List<Object> NASTY_NUMBERS = List.of(-1, -2147483649L, Long.MAX_VALUE, 1e308, -1e308, 0.5,
            "12", true, "x");

    private final String service;
    private final Http http;
    private final Random random;
    private final long seed;

    public ApiFuzzer(String service, Http http, long seed) {
        this.service = service;
        this.http = http;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * Fuzzes every operation of the service's OpenAPI document.
     *
     * @param callerFor   the token to call a route with ("METHOD /pattern" → token), typically a role the
     *                    access matrix admits, so that bad input reaches validation and the domain
     * @param ids         real ids to put in path variables (by variable name) besides the nasty ones, so that
     *                    bodies are also fuzzed against objects that exist
     * @param snapshot    the service's stored state (e.g. a digest of its database), compared before and after
     * @param perOperation how many random bodies per operation, on top of the fixed malformed ones
     */
    public Report fuzz(Function<String, String> callerFor, Map<String, String> ids, Supplier<String> snapshot,
                       int perOperation) {
        JsonNode doc = http.get("/v3/api-docs").body();
        assertThat(doc).as("%s publishes its OpenAPI document", service).isNotNull();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        // Phase 1: input that must be refused; nothing may change in the store.
        String before = snapshot.get();
        int requests = run(doc, callerFor, ids, perOperation, false, failures, statuses);
        String after = snapshot.get();
        // Phase 2: odd but possibly legitimate data (injection-shaped text, out-of-range numbers): never a 5xx,
        // every refusal problem+json; what is accepted is stored as data, never interpreted.
        requests += run(doc, callerFor, ids, perOperation, true, failures, statuses);
        assertThat(failures).as("%s fuzzing (seed %d): answers breaking the rules", service, seed).isEmpty();
        assertThat(after).as("%s fuzzing (seed %d): stored state changed by refused requests", service, seed)
                .isEqualTo(before);
        return new Report(requests, statuses);
    }

    private int run(JsonNode doc, Function<String, String> callerFor, Map<String, String> ids, int perOperation,
                    boolean legitimatePhase, List<String> failures, Map<Integer, Integer> statuses) {
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : fields(doc.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String route = method + " " + path.getKey();
                String token = callerFor.apply(route);
                if (token == null) {
                    failures.add(route + ": no caller the access rules admit, so it cannot be fuzzed");
                    continue;
                }
                Http caller = http.as(token);
                JsonNode schema = bodySchema(doc, op.getValue());
                for (Probe probe : probes(doc, path.getKey(), op.getValue(), schema, ids, perOperation)) {
                    if (probe.mayBeAccepted != legitimatePhase) {
                        continue;
                    }
                    Http.Response r = probe.contentType == null ? caller.send(method, probe.path, probe.body)
                            : caller.with("Content-Type", probe.contentType).send(method, probe.path, probe.body);
                    requests++;
                    statuses.merge(r.status(), 1, Integer::sum);
                    String problem = judge(method, r, probe.mayBeAccepted);
                    if (problem != null) {
                        failures.add("%s %s [%s] → %d %s: %s".formatted(method, abbreviate(probe.path), probe.what,
                                r.status(), problem, abbreviate(r.raw())));
                    }
                }
            }
        }
        return requests;
    }

    /** How many requests were sent and what came back. */
    public record Report(int requests, Map<Integer, Integer> statuses) {
    }

    /** {@code mayBeAccepted}: input that is odd but may be legitimate data (an injection-shaped free text). */
    private record Probe(String what, String path, String body, String contentType, boolean mayBeAccepted) {
    }

    private static String judge(String method, Http.Response r, boolean mayBeAccepted) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (r.status() >= 400 && !r.isProblem()) {
            return "a 4xx that is not problem+json";
        }
        boolean unsafe = !method.equals("GET");
        if (unsafe && !mayBeAccepted && r.status() < 300) {
            return "invalid input accepted";
        }
        return null;
    }

    private List<Probe> probes(JsonNode doc, String pattern, JsonNode op, JsonNode schema, Map<String, String> ids,
                               int perOperation) {
        List<Probe> probes = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Matcher m = PATH_VARIABLE.matcher(pattern);
        while (m.find()) {
            variables.add(m.group(1));
        }
        String realPath = fill(pattern, v -> ids.getOrDefault(v, "does-not-exist"));
        String query = validQuery(op);
        // 1. nasty path variables (with an otherwise plausible body)
        String plausible = schema == null ? null : JSON.writeValueAsString(sample(doc, schema, 0));
        for (String variable : variables) {
            for (String nasty : NASTY_STRINGS) {
                if (nasty.isEmpty()) {
                    continue;
                }
                String path = fill(pattern, v -> v.equals(variable) ? encode(nasty) : ids.getOrDefault(v, "does-not-exist"));
                probes.add(new Probe("path " + variable + "=" + abbreviate(nasty), path + query, plausible, null, false));
            }
        }
        // 2. nasty query parameters
        for (JsonNode parameter : op.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            String name = parameter.path("name").asString();
            for (String nasty : List.of("-1", "99999999999999999999", "abc", "' OR 1=1", "{\"$ne\":null}", "2024-13-45",
                    "a".repeat(5000))) {
                probes.add(new Probe("query " + name + "=" + abbreviate(nasty), realPath + "?" + name + "=" + encode(nasty),
                        plausible, null, true));
            }
        }
        if (schema == null) {
            return probes;
        }
        // 3. malformed bodies
        for (String body : List.of("", "null", "[]", "{", "{\"a\":", "\"text\"", "42", "{}".repeat(3),
                "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}")) {
            probes.add(new Probe("malformed body " + abbreviate(body), realPath + query, body, null, false));
        }
        probes.add(new Probe("wrong content type", realPath + query, plausible, "text/plain", false));
        probes.add(new Probe("oversized body (2 MB)", realPath + query, withField(plausible, "padding",
                "x".repeat(2 * 1024 * 1024)), null, false));
        probes.add(new Probe("unknown field", realPath + query, withField(plausible, "unexpected" + random.nextInt(1000),
                "x"), null, false));
        // 4. each property: missing (if required), wrong type, nasty values
        JsonNode resolved = resolve(doc, schema);
        for (Map.Entry<String, JsonNode> property : fields(resolved.path("properties"))) {
            String name = property.getKey();
            JsonNode propertySchema = resolve(doc, property.getValue());
            for (Object wrong : wrongValuesFor(propertySchema)) {
                ObjectNode body = (ObjectNode) JSON.readTree(plausible);
                body.set(name, JSON.valueToTree(wrong));
                probes.add(new Probe(name + "=" + abbreviate(String.valueOf(wrong)), realPath + query,
                        JSON.writeValueAsString(body), null, !breaksType(propertySchema, wrong)));
            }
            if (contains(resolved.path("required"), name)) {
                ObjectNode body = (ObjectNode) JSON.readTree(plausible);
                body.remove(name);
                probes.add(new Probe("missing " + name, realPath + query, JSON.writeValueAsString(body), null, false));
            }
        }
        // 5. random combinations of wrong values (the property-based part)
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(fields(resolved.path("properties")));
        for (int i = 0; i < perOperation && !properties.isEmpty(); i++) {
            ObjectNode body = (ObjectNode) JSON.readTree(plausible);
            int changes = 1 + random.nextInt(Math.min(3, properties.size()));
            StringBuilder what = new StringBuilder("random:");
            boolean allBreakType = true;
            for (int c = 0; c < changes; c++) {
                Map.Entry<String, JsonNode> p = properties.get(random.nextInt(properties.size()));
                List<Object> wrongs = wrongValuesFor(resolve(doc, p.getValue()));
                Object wrong = wrongs.get(random.nextInt(wrongs.size()));
                body.set(p.getKey(), JSON.valueToTree(wrong));
                what.append(' ').append(p.getKey());
                allBreakType &= breaksType(resolve(doc, p.getValue()), wrong);
            }
            probes.add(new Probe(what.toString(), realPath + query, JSON.writeValueAsString(body), null, !allBreakType));
        }
        return probes;
    }

    /**
     * Whether a value cannot be read as the declared JSON type at all (so the request must be refused): a
     * structure where a scalar is expected, a scalar where a structure is, a non-numeric text for a number.
     * Values a lenient reader may coerce ("12" for a number, 12 for a text) do not count.
     */
    private static boolean breaksType(JsonNode schema, Object value) {
        String type = schema.path("type").asString("");
        boolean structure = value instanceof List || value instanceof Map;
        return switch (type) {
            case "integer", "number" -> structure || (value instanceof String text && !text.matches("-?[0-9.eE+]+"));
            case "boolean" -> structure || (value instanceof String text && !text.matches("true|false"));
            case "array" -> !(value instanceof List);
            case "object" -> !(value instanceof Map);
            case "string" -> structure;
            default -> false;
        };
    }

    /** Values that break the property's declared type or range. */
    private List<Object> wrongValuesFor(JsonNode schema) {
        String type = schema.path("type").asString("");
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "integer", "number" -> {
                values.addAll(NASTY_NUMBERS);
                values.add(List.of(1, 2));
                values.add(Map.of("$gt", 0));
            }
            case "boolean" -> values.addAll(List.of("yes", 2, List.of(), Map.of()));
            case "array" -> values.addAll(List.of("not-an-array", 7, Map.of("a", 1),
                    java.util.Collections.nCopies(5000, "x"), List.of(Map.of("$where", "1"))));
            case "object" -> values.addAll(List.of("not-an-object", 7, List.of(1)));
            default -> {
                values.addAll(NASTY_STRINGS.subList(0, NASTY_STRINGS.size()));
                values.add(12345);
                values.add(List.of("a"));
                values.add(Map.of("$ne", ""));
                values.add("a".repeat(200_000));
            }
        }
        return values;
    }

    /** A body that satisfies the declared shape as far as a generator can (the domain may still refuse it). */
    private JsonNode sample(JsonNode doc, JsonNode schema, int depth) {
        JsonNode s = resolve(doc, schema);
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asString(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : fields(s.path("properties"))) {
                        o.set(p.getKey(), sample(doc, p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> JSON.createArrayNode().add(sample(doc, s.path("items"), depth + 1));
            case "integer" -> JSON.getNodeFactory().numberNode(1);
            case "number" -> JSON.getNodeFactory().numberNode(1.0);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().textNode("date".equals(s.path("format").asString()) ? "2024-01-15"
                    : "date-time".equals(s.path("format").asString()) ? "2024-01-15T10:00:00Z" : "sample");
        };
    }

    private static JsonNode bodySchema(JsonNode doc, JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        return json.isMissingNode() ? null : json;
    }

    private static String validQuery(JsonNode op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
                q.append(q.isEmpty() ? "?" : "&").append(p.path("name").asString()).append('=')
                        .append("date".equals(p.path("schema").path("format").asString()) ? "2024-01-15" : "1");
            }
        }
        return q.toString();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }

    private static String withField(String json, String field, String value) {
        ObjectNode o = json == null || !json.startsWith("{") ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
        o.put(field, value);
        return JSON.writeValueAsString(o);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asString())) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String pattern, Function<String, String> value) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            list.add(Map.entry(name, node.get(name)));
        }
        return list;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Convenience: a fixed map of ids. */
    public static Map<String, String> ids(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
