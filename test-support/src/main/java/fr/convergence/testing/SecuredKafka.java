package fr.convergence.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker (KRaft, in-process, from the Maven Central jars) secured as a deployment is: its client listener
 * takes only SASL (SCRAM-SHA-512 for the platform's principals, PLAIN for the administrator {@value #ADMIN}), and the
 * StandardAuthorizer denies whatever no ACL allows. Started by the tests that prove the platform's clients work
 * against it ({@code KafkaSaslTest}); the shared broker of {@link TestInfrastructure} stays plaintext.
 *
 * <p>Unlike a deployment, the controller listener is plaintext and its anonymous principal a super user (the broker
 * registers with its controller through it); nothing but the broker itself connects there.
 */
public final class SecuredKafka implements AutoCloseable {

    public static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret-" + Long.toHexString(System.nanoTime());

    private final KafkaClusterTestKit cluster;

    private SecuredKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static SecuredKafka start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build();
        String external = nodes.brokerListenerName().value();
        String controller = nodes.controllerListenerName().value();
        String prefix = "listener.name." + external.toLowerCase(Locale.ROOT) + ".";
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("listener.security.protocol.map", external + ":SASL_PLAINTEXT," + controller + ":PLAINTEXT")
                .setConfigProp("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .setConfigProp(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + ADMIN + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN
                        + "=\"" + ADMIN_PASSWORD + "\";")
                .setConfigProp(prefix + "scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .setConfigProp("super.users", "User:" + ADMIN + ";User:ANONYMOUS")
                .setConfigProp("allow.everyone.if.no.acl.found", "false")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new SecuredKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The administrator's connection (PLAIN), for creating principals, topics and ACLs. */
    public Properties adminProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + ADMIN + "\" password=\"" + ADMIN_PASSWORD + "\";");
        return p;
    }

    /** Creates (or replaces) a SCRAM-SHA-512 principal, as {@code kafka-configs.sh --alter --add-config SCRAM-SHA-512=...} does. */
    public void addPrincipal(String user, String password) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get();
        }
    }

    /** Creates topics of one partition. */
    public void createTopics(String... topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(adminProperties())) {
            List<org.apache.kafka.clients.admin.NewTopic> created = new ArrayList<>();
            for (String topic : topics) {
                created.add(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1));
            }
            admin.createTopics(created).all().get();
        }
    }

    /** Allows {@code User:principal} the operations on one resource (literal, or prefixed when {@code prefixed}). */
    public void allow(String principal, ResourceType type, String name, boolean prefixed, AclOperation... operations)
            throws ExecutionException, InterruptedException {
        List<AclBinding> bindings = new ArrayList<>();
        ResourcePattern resource = new ResourcePattern(type, name, prefixed ? PatternType.PREFIXED : PatternType.LITERAL);
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createAcls(bindings).all().get();
        }
    }

    /** The settings a platform instance is given for a principal (what compose and Kubernetes set as variables). */
    public static Map<String, String> scramClientSettings() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512");
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
