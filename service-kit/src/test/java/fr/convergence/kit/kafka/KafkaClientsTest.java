package fr.convergence.kit.kafka;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the deployment's variables make of every client's connection, and the settings refused at start. */
class KafkaClientsTest {

    static KafkaClients clients(Map<String, String> properties, String username, String password) {
        return new KafkaClients("kafka1:9092", new KafkaSettings(properties, username, password));
    }

    @Test
    void aScramPrincipalIsGivenToEveryClientWithTheClustersAddress() {
        KafkaClients kafka = clients(Map.of("security.protocol", "sasl_ssl", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/ca.p12", "ssl.truststore.type", "PKCS12", "ssl.truststore.password", ""),
                "pathway-paris", "s3cret");
        Properties own = new Properties();
        own.put("group.id", "pathway-service.paris.participant-moves");
        Properties p = kafka.properties(own);
        assertThat(p).containsEntry("bootstrap.servers", "kafka1:9092").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry("group.id", "pathway-service.paris.participant-moves")
                .doesNotContainKey("ssl.truststore.password");   // blank: not set
        assertThat((String) p.get("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"pathway-paris\" password=\"s3cret\";");
        assertThat(kafka.toString()).contains("SASL_SSL").contains("principal pathway-paris").doesNotContain("s3cret");
    }

    @Test
    void aCallerCannotWeakenTheConnectionNorChangeTheCluster() {
        KafkaClients kafka = clients(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"), "reporting", "pw");
        Properties own = new Properties();
        own.put("security.protocol", "PLAINTEXT");
        own.put("bootstrap.servers", "elsewhere:9092");
        assertThat(kafka.properties(own)).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "kafka1:9092");
    }

    @Test
    void aPasswordWithQuotesAndBackslashesSurvivesKafkasJaasParser() {
        String password = "a\"b\\c d;e=f";
        String line = KafkaClients.jaasConfig("SCRAM-SHA-256", "partnership-lyon", password);
        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(line)))
                .configurationEntries().get(0);
        Map<String, ?> options = entry.getOptions();
        assertThat(options.get("username")).isEqualTo("partnership-lyon");
        assertThat(options.get("password")).isEqualTo(password);
    }

    @Test
    void withoutSettingsClientsConnectInPlaintext() {
        KafkaClients kafka = KafkaClients.plaintext("127.0.0.1:9092");
        assertThat(kafka.properties(new Properties())).containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void aSaslProtocolNeedsAMechanismAndThePrincipal() {
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SASL_SSL"), "u", "p"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_SASL_MECHANISM");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"), "u", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("go together");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "GSSAPI"), "u", "p"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_SASL_JAAS_CONFIG");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "x required;"), "u", "p"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void credentialsOnAPlaintextConnectionAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> clients(Map.of(), "pathway-paris", "pw"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("would never be used");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "SSL", "sasl.mechanism", "PLAIN"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("would never be used");
    }

    @Test
    void onlyConnectionSettingsMayBeSet() {
        assertThatThrownBy(() -> clients(Map.of("acks", "0"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("convergence.kafka.properties.acks");
        assertThatThrownBy(() -> clients(Map.of("request.timeout.ms", "100"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("request.timeout.ms");
        assertThatThrownBy(() -> clients(Map.of("bootstrap.servers", "x:9092"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> clients(Map.of("security.protocol", "TLS"), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_SECURITY_PROTOCOL=TLS");
        assertThat(KafkaClients.CONNECTION_SETTINGS).contains("ssl.endpoint.identification.algorithm",
                "sasl.login.callback.handler.class", "client.dns.lookup").doesNotContain("acks", "isolation.level");
    }

    /** Any other TLS/SASL setting reaches the clients from the environment under its Kafka name. */
    @Test
    void otherSettingsComeFromTheEnvironmentUnderTheirKafkaName() {
        Map<String, Object> env = new HashMap<>();
        env.put("CONVERGENCE_KAFKA_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https");
        env.put("CONVERGENCE_KAFKA_SASL_USERNAME", "reporting");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        KafkaSettings settings = new Binder(ConfigurationPropertySources.get(environment))
                .bind("convergence.kafka", KafkaSettings.class).get();
        assertThat(settings.properties()).containsEntry("ssl.endpoint.identification.algorithm", "https");
        assertThat(settings.saslUsername()).isEqualTo("reporting");
    }
}
