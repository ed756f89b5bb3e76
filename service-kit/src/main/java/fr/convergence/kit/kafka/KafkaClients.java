package fr.convergence.kit.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where the platform's Kafka producers, consumers and admin clients are made (issue 21 finding 6): each
 * gets the cluster's address and the instance's connection settings (TLS, SASL principal) on top of what its caller
 * decides (groups, offsets, acknowledgements). A client made elsewhere with only {@code bootstrap.servers} could not
 * reach a secured cluster; {@code PlatformArchitecture.kafkaClientsMadeByServiceKitOnly} keeps it that way.
 *
 * <p>The settings are checked when the instance starts, not when a background consumer first connects: a SASL
 * protocol without a mechanism or credentials, credentials on a plaintext connection, or a setting that is not a
 * connection setting of all three kinds of client (say {@code acks}: the platform decides its clients' guarantees
 * itself) stops the start with a message naming the variable.
 */
public final class KafkaClients {

    /**
     * What a deployment may set: the TLS, SASL and security settings every kind of client understands (and DNS
     * lookup), never behaviour (acks, isolation, timeouts), which the platform's guarantees rest on.
     */
    static final Set<String> CONNECTION_SETTINGS = connectionSettings();
    private static final Set<String> PASSWORD_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    private final String bootstrapServers;
    private final Map<String, String> connection;
    private final String principal;

    public KafkaClients(String bootstrapServers, KafkaSettings settings) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is not set");
        }
        this.bootstrapServers = bootstrapServers;
        Map<String, String> given = new LinkedHashMap<>();
        settings.properties().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name.trim(), value.trim());
            }
        });
        for (String name : given.keySet()) {
            if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalStateException("convergence.kafka.properties." + name
                        + ": the cluster's address is KAFKA_BOOTSTRAP_SERVERS");
            }
            if (!CONNECTION_SETTINGS.contains(name)) {
                throw new IllegalStateException("convergence.kafka.properties." + name + " is not a connection setting "
                        + "of every Kafka client (security.*, ssl.*, sasl.*, client.dns.lookup); the platform decides its "
                        + "clients' behaviour (acknowledgements, timeouts, …) itself");
            }
        }
        String protocol = given.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT").toUpperCase(Locale.ROOT);
        if (!SecurityProtocol.names().contains(protocol)) {
            throw new IllegalStateException("KAFKA_SECURITY_PROTOCOL=" + protocol + " is none of " + SecurityProtocol.names());
        }
        given.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        boolean sasl = protocol.startsWith("SASL_");
        String mechanism = given.get(SaslConfigs.SASL_MECHANISM);
        String username = blankToNull(settings.saslUsername());
        String password = blankToNull(settings.saslPassword());
        if ((username == null) != (password == null)) {
            throw new IllegalStateException("KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together: set both or neither");
        }
        if (!sasl && (username != null || mechanism != null || given.containsKey(SaslConfigs.SASL_JAAS_CONFIG))) {
            throw new IllegalStateException("SASL credentials are set but KAFKA_SECURITY_PROTOCOL=" + protocol
                    + ": they would never be used (SASL_SSL, or SASL_PLAINTEXT inside a trusted network)");
        }
        if (sasl && mechanism == null) {
            throw new IllegalStateException("KAFKA_SECURITY_PROTOCOL=" + protocol
                    + " needs KAFKA_SASL_MECHANISM (SCRAM-SHA-512, SCRAM-SHA-256, PLAIN, …)");
        }
        if (username != null) {
            if (given.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
                throw new IllegalStateException("set KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD or KAFKA_SASL_JAAS_CONFIG, not both");
            }
            given.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(mechanism, username, password));
        }
        if (sasl && !given.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new IllegalStateException("KAFKA_SECURITY_PROTOCOL=" + protocol + " needs the instance's principal: "
                    + "KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or KAFKA_SASL_JAAS_CONFIG)");
        }
        this.connection = Map.copyOf(given);
        this.principal = username;
    }

    /** A client of the tests' or the local run's broker, which takes plain connections without credentials. */
    public static KafkaClients plaintext(String bootstrapServers) {
        return new KafkaClients(bootstrapServers, KafkaSettings.none());
    }

    /** A consumer of string keys and values with {@code own} settings and the instance's connection. */
    public KafkaConsumer<String, String> consumer(Properties own) {
        Properties p = properties(own);
        p.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.putIfAbsent(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** A producer of string keys and values with {@code own} settings and the instance's connection. */
    public KafkaProducer<String, String> producer(Properties own) {
        Properties p = properties(own);
        p.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** An admin client with the instance's connection. */
    public Admin admin(Properties own) {
        return Admin.create(properties(own));
    }

    /**
     * The caller's settings, then the connection's: a caller cannot weaken the instance's security, nor point a
     * client at another cluster.
     */
    Properties properties(Properties own) {
        Properties p = new Properties();
        p.putAll(own);
        p.putAll(connection);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String securityProtocol() {
        return connection.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
    }

    /** For the start-up log: address, protocol, mechanism and principal, never a password. */
    @Override
    public String toString() {
        return "Kafka " + bootstrapServers + " over " + securityProtocol()
                + (connection.containsKey(SaslConfigs.SASL_MECHANISM) ? " (SASL " + connection.get(SaslConfigs.SASL_MECHANISM)
                + (principal != null ? ", principal " + principal : "") + ")" : "")
                + (connection.size() > 1 ? ", settings " + new TreeSet<>(connection.keySet()) : "");
    }

    /**
     * The JAAS line of a PLAIN or SCRAM principal. Kafka reads the values as quoted strings in which a backslash
     * escapes the next character, so a password holding {@code "} or {@code \} survives.
     */
    static String jaasConfig(String mechanism, String username, String password) {
        String module = switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            default -> throw new IllegalStateException("KAFKA_SASL_USERNAME/PASSWORD work with " + PASSWORD_MECHANISMS
                    + "; for KAFKA_SASL_MECHANISM=" + mechanism + " give KAFKA_SASL_JAAS_CONFIG");
        };
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Set<String> connectionSettings() {
        Set<String> common = new HashSet<>(ProducerConfig.configNames());
        common.retainAll(ConsumerConfig.configNames());
        common.retainAll(AdminClientConfig.configNames());
        common.removeIf(name -> !(name.startsWith("ssl.") || name.startsWith("sasl.") || name.startsWith("security.")
                || name.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)));
        return Set.copyOf(common);
    }

}
