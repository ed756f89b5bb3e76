package fr.convergence.pathway.harness;

import fr.convergence.pathway.PathwayApplication;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import fr.convergence.testing.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A measuring tool run by hand, not a test: the cost of one command (load + append, through the real HTTP command
 * path) over the first and the last 100 events of a long pathway, next to it a raw find + conditional update on
 * the same store, then an auditor's history page of that pathway (the other services stood in by an empty one). Usage (test classpath): {@code java fr.convergence.pathway.harness.AppendCostHarness [events] [mongoUri]};
 * without a URI it starts the tests' MongoDB-wire stand-in in this JVM. Prints one line per figure.
 */
public final class AppendCostHarness {

    private AppendCostHarness() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String mongoUri = args.length > 1 ? args[1] : TestInfrastructure.mongoUri();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("convergence.mongodb-uri", mongoUri);
        properties.put("convergence.mongodb-database", "harness_" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("convergence.kafka-bootstrap-servers", TestInfrastructure.kafkaBootstrap());
        properties.put("convergence.territory", "paris");
        properties.put("convergence.security.issuer", TestIssuer.get().issuer());
        properties.put("convergence.security.jwk-set-uri", TestIssuer.get().jwkSetUri());
        properties.put("pathway.chain-key", Base64.getEncoder().encodeToString(key));
        properties.put("logging.level.root", "WARN");
        // the audit asks the two other services for their part: a stand-in that holds nothing (404) answers for both
        com.sun.net.httpserver.HttpServer others = otherServices();
        String othersUrl = "http://127.0.0.1:" + others.getAddress().getPort();
        properties.put("convergence.participant-url", othersUrl);
        properties.put("convergence.partnership-url", othersUrl);
        // system properties: they win over application.yml (builder defaults would not)
        properties.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PathwayApplication.class).run()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Http cip = new Http(port).as(TestIssuer.get().tokenFor("harness", "cip", "paris", "aci-paris-1"));
            LocalDate start = LocalDate.now().minusMonths(10);
            String participant = "PSN-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Response opened = cip.post("/api/pathways", """
                    {"participantId":"%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                     "plannedEnd":"%s","weeklyHours":26}""".formatted(participant, start, start.plusMonths(20)));
            if (opened.status() != 201) {
                throw new IllegalStateException(opened.raw());
            }
            String path = "/api/pathways/" + opened.body().get("pathwayId").asString();
            warmUp(cip, start);
            List<Double> millis = new ArrayList<>();
            for (int i = 1; i < events; i++) {
                String date = start.plusDays(1 + i % 250).toString();
                long t0 = System.nanoTime();
                Http.Response r = i % 2 == 0
                        ? cip.post(path + "/health-care", "{\"date\":\"%s\"}".formatted(date))
                        : cip.post(path + "/accompaniments", ("{\"date\":\"%s\",\"kind\":\"INTERVIEW\",\"length\":"
                        + "\"MINUTES_30_TO_60\",\"participants\":[\"PARTICIPANT\",\"CIP\"]}").formatted(date));
                millis.add((System.nanoTime() - t0) / 1e6);
                if (r.status() != 200) {
                    throw new IllegalStateException("event " + i + ": " + r.raw());
                }
            }
            System.out.printf("events=%d command p50 first 100 = %.2f ms, last 100 = %.2f ms, ratio %.2f%n", events,
                    p50(millis.subList(0, 100)), p50(millis.subList(millis.size() - 100, millis.size())),
                    p50(millis.subList(millis.size() - 100, millis.size())) / p50(millis.subList(0, 100)));
            System.out.printf("command p50 over all %d = %.2f ms%n", millis.size(), p50(millis));
            System.out.printf("raw find + conditional updateOne p50 = %.2f ms%n", rawConditionalUpdate(mongoUri));
            Http auditor = new Http(port).as(TestIssuer.get().tokenFor("harness-auditor", "auditor", "paris", null));
            String history = "/api/audit/participants/" + participant + "/history?size=100";
            List<Double> audits = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                long t0 = System.nanoTime();
                Http.Response r = auditor.get(history);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (r.status() != 200 || r.body().get("total").asInt() != events) {
                    throw new IllegalStateException("audit: " + r.status() + " " + r.raw().substring(0, Math.min(300, r.raw().length())));
                }
                if (i >= 5) {
                    audits.add(ms);
                }
            }
            System.out.printf("audit history page (size 100) of the %d-event pathway: p50 = %.2f ms, p95 = %.2f ms%n",
                    events, p50(audits), percentile(audits, 0.95));
        }
        others.stop(0);
        System.exit(0);
    }

    /** The store's own floor: read a document by _id, then update it on {_id, version}, as a command's store work. */
    private static double rawConditionalUpdate(String mongoUri) {
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(mongoUri)) {
            var raw = client.getDatabase("harness_raw").getCollection("raw");
            String id = UUID.randomUUID().toString();
            raw.insertOne(new org.bson.Document("_id", id).append("version", 0L));
            List<Double> millis = new ArrayList<>();
            for (long v = 0; v < 1000; v++) {
                long t0 = System.nanoTime();
                raw.find(new org.bson.Document("_id", id)).first();
                raw.updateOne(new org.bson.Document("_id", id).append("version", v),
                        new org.bson.Document("$set", new org.bson.Document("version", v + 1)));
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            return p50(millis.subList(200, millis.size()));
        }
    }

    /** A throw-away pathway first (both command kinds), so the JIT and the pools are warm before anything is timed. */
    private static void warmUp(Http cip, LocalDate start) {
        String path = "/api/pathways/" + cip.post("/api/pathways", """
                {"participantId":"PSN-%s","aciId":"aci-paris-1","programme":"CVG","contractStart":"%s",
                 "plannedEnd":"%s","weeklyHours":26}""".formatted(UUID.randomUUID().toString().substring(0, 8), start,
                start.plusMonths(20))).body().get("pathwayId").asString();
        for (int i = 0; i < 600; i++) {
            String date = start.plusDays(1 + i % 250).toString();
            if (i % 2 == 0) {
                cip.post(path + "/health-care", "{\"date\":\"%s\"}".formatted(date));
            } else {
                cip.post(path + "/accompaniments", ("{\"date\":\"%s\",\"kind\":\"INTERVIEW\",\"length\":"
                        + "\"MINUTES_30_TO_60\",\"participants\":[\"PARTICIPANT\",\"CIP\"]}").formatted(date));
            }
        }
    }

    private static com.sun.net.httpserver.HttpServer otherServices() {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
