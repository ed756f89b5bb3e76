package fr.convergence.kit.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The variables a deployment sets reach every client through kit-defaults.yml, which each service imports. */
class KafkaSettingsBindingTest {

    static KafkaClients clientsFrom(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("deployment", variables));
        for (PropertySource<?> defaults : new YamlPropertySourceLoader().load("kit-defaults",
                new ClassPathResource("kit-defaults.yml"))) {
            environment.getPropertySources().addLast(defaults);
        }
        Binder binder = Binder.get(environment);
        return new KafkaClients(binder.bind("convergence.kafka-bootstrap-servers", String.class).get(),
                binder.bind("convergence.kafka", KafkaSettings.class).get());
    }

    @Test
    void aDeploymentsVariablesGiveEveryClientItsPrincipalAndTheClustersCa() throws IOException {
        Properties p = clientsFrom(Map.of("KAFKA_BOOTSTRAP_SERVERS", "convergence-kafka-bootstrap:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "pathway-paris", "KAFKA_SASL_PASSWORD", "from-the-secret",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM", "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt"))
                .properties(new Properties());
        assertThat(p).containsEntry("bootstrap.servers", "convergence-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM").containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt");
        assertThat((String) p.get("sasl.jaas.config")).contains("username=\"pathway-paris\"").contains("password=\"from-the-secret\"");
    }

    @Test
    void withoutVariablesTheLocalRunConnectsInPlaintext() throws IOException {
        assertThat(clientsFrom(Map.of()).properties(new Properties()))
                .containsOnlyKeys("bootstrap.servers", "security.protocol")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092").containsEntry("security.protocol", "PLAINTEXT");
    }
}
