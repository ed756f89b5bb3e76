package fr.convergence.platform;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real platform as separate processes: the durable MongoDB-wire store and a KRaft Kafka broker (from the
 * deploy module's class path) and the services' own jars. Any of them can be killed with SIGKILL and restarted
 * on the same port and data, which is what the reliability suites do.
 */
final class Platform implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    record Spec(String name, List<String> command, Map<String, String> env, int port, String healthPath) {
    }

    private final Path data;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    final int mongoPort = freePort();
    final int kafkaPort = freeKafkaPort();
    final int idpPort = freePort();
    /** Reserved up front: the identity provider registers the gateway's sign-in callback before it starts. */
    final int gatewayPort = freePort();
    private String externalMongoUri;
    private String externalKafka;

    /** Services only, on infrastructure started elsewhere (e.g. Testcontainers' real mongo and kafka images). */
    Platform(Path data, String mongoUri, String kafkaBootstrap) throws IOException {
        this(data);
        this.externalMongoUri = mongoUri.replaceAll("/test(\\?|$)", "/$1");
        this.externalKafka = kafkaBootstrap;
    }

    Platform(Path data) throws IOException {
        this.data = data;
        Files.createDirectories(data.resolve("logs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String infraCp = Files.readString(Path.of(System.getProperty("platform.infraClasspath",
                ROOT.resolve("deploy/target/infra-classpath.txt").toString()))).trim()
                + System.getProperty("path.separator") + ROOT.resolve("deploy/target/classes");
        specs.put("mongo", new Spec("mongo", List.of(java, "-Xmx384m", "-cp", infraCp,
                "fr.convergence.deploy.store.EmbeddedMongoStore", String.valueOf(mongoPort), data.resolve("mongo").toString()),
                Map.of(), mongoPort, null));
        specs.put("kafka", new Spec("kafka", List.of(java, "-Xmx512m", "-cp", infraCp,
                "fr.convergence.deploy.kafka.EmbeddedKafkaBroker", String.valueOf(kafkaPort), data.resolve("kafka").toString()),
                Map.of(), kafkaPort, null));
        Path idpJar = ROOT.resolve("identity-provider/target/identity-provider-0.1.0-SNAPSHOT.jar");
        specs.put("idp", new Spec("idp", List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", idpJar.toString()), Map.of("PORT", String.valueOf(idpPort), "OIDC_ISSUER", issuer(),
                // the demo provider refuses to start outside the local profile (LocalProfileOnly)
                "SPRING_PROFILES_ACTIVE", "local",
                "GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + gatewayPort,
                "IDP_KEY_FILE", data.resolve("idp").resolve("signing-key.json").toString()),
                idpPort, "/actuator/health"));
    }

    /** The identity provider every service trusts (the embedded one, started by {@link #startInfrastructure}). */
    String issuer() {
        return "http://127.0.0.1:" + idpPort;
    }

    /** Signs the demo users in through the provider's login form (every demo user's password is "demo"). */
    fr.convergence.deploy.auth.SignIn signIn() {
        return signIn;
    }

    private final fr.convergence.deploy.auth.SignIn signIn = new fr.convergence.deploy.auth.SignIn(
            "http://127.0.0.1:" + idpPort, "demo");

    String mongoUri() {
        return externalMongoUri != null ? externalMongoUri : "mongodb://127.0.0.1:" + mongoPort;
    }

    String kafkaBootstrap() {
        return externalKafka != null ? externalKafka : "127.0.0.1:" + kafkaPort;
    }

    /** Declares a service instance (several instances of one module may run under different names). */
    int service(String name, String module, Map<String, String> env) {
        int port = module.equals("gateway") ? gatewayPort : freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("PORT", String.valueOf(port));
        all.putIfAbsent("MONGODB_URI", mongoUri());
        all.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        all.putIfAbsent("OIDC_ISSUER", issuer());   // another provider (KeycloakPlatformTest) is given in env
        if (module.equals("participant-service")) {   // a local run's development key, in this run's data
            all.putIfAbsent("PARTICIPANT_MASTER_KEY_FILE", data.resolve("participant-master-key.dev").toString());
        }
        if (module.equals("reporting-service")) {   // the development key of the evaluation extract's pseudonyms
            all.putIfAbsent("REPORTING_EVALUATION_KEY_FILE", data.resolve("reporting-evaluation-key.dev").toString());
        }
        if (module.equals("pathway-service")) {   // the development key of the chain seals, in this run's data
            all.putIfAbsent("PATHWAY_CHAIN_KEY_FILE", data.resolve("pathway-chain-key.dev").toString());
        }
        if (module.equals("gateway")) {
            all.put("GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + port);
        }
        specs.put(name, new Spec(name, List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString()), all, port, "/actuator/health"));
        return port;
    }

    /** The embedded store and broker, and the identity provider. */
    void startInfrastructure() throws Exception {
        start("mongo");
        start("kafka");
        start("idp");
    }

    void start(String name) throws Exception {
        Spec spec = specs.get(name);
        ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs").resolve(name + ".log").toFile()));
        builder.environment().putAll(spec.env());
        running.put(name, builder.start());
        awaitReady(spec);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill(String name) throws InterruptedException {
        Process p = running.remove(name);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    void restart(String name) throws Exception {
        kill(name);
        start(name);
    }

    int port(String name) {
        return specs.get(name).port();
    }

    String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    Path logs() {
        return data.resolve("logs");
    }

    private void awaitReady(Spec spec) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Process p = running.get(spec.name());
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(spec.name() + " died at start; see " + logs().resolve(spec.name() + ".log"));
            }
            if (spec.healthPath() == null ? listening(spec.port()) : healthy(spec.port(), spec.healthPath())) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(spec.name() + " not ready after 180 s; see " + logs().resolve(spec.name() + ".log"));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean healthy(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static final java.util.Random PORTS = new java.util.Random();

    /**
     * A free port below Linux's ephemeral range (32768+): a port handed out by the kernel could be taken again by
     * some client's outgoing connection before the service binds it.
     */
    static synchronized int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + PORTS.nextInt(12_000);
            try (ServerSocket s = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000-32000");
    }

    /** Kafka's controller listens on port + 1: both must be free. */
    static int freeKafkaPort() {
        for (int i = 0; i < 50; i++) {
            int port = freePort();
            try (ServerSocket a = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair for Kafka");
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process p = running.remove(name);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
