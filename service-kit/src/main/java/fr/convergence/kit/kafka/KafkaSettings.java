package fr.convergence.kit.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * How every Kafka client of the instance authenticates to the cluster and protects the connection (issue 21 finding
 * 6). From {@code kit-defaults.yml}: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_USERNAME}/{@code KAFKA_SASL_PASSWORD} (or a whole {@code KAFKA_SASL_JAAS_CONFIG}) and the
 * {@code KAFKA_SSL_*} trust and key stores; any other connection setting as {@code convergence.kafka.properties.<name>}
 * (environment: {@code CONVERGENCE_KAFKA_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=...}).
 *
 * @param properties   Kafka client settings by their Kafka name ({@code security.protocol}, {@code ssl.truststore.location}, …); blank values are ignored
 * @param saslUsername the instance's principal with SASL PLAIN or SCRAM (the password below); blank if none
 * @param saslPassword its password, from the deployment's secret store
 */
@ConfigurationProperties(prefix = "convergence.kafka")
public record KafkaSettings(Map<String, String> properties, String saslUsername, String saslPassword) {

    public KafkaSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** Plain connections without credentials: the local run and the tests' own broker. */
    public static KafkaSettings none() {
        return new KafkaSettings(Map.of(), null, null);
    }

    @Override
    public String toString() {   // never the password, nor a JAAS line that may carry one
        return "KafkaSettings[" + properties.keySet() + ", saslUsername=" + saslUsername + "]";
    }
}
