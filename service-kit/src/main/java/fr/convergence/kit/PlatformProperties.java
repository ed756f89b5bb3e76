package fr.convergence.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything a service instance needs to know about where it runs. Each value comes from an environment
 * variable (see application.yml of each service) so that one territory's instance, the local run and a
 * real deployment differ only by configuration.
 *
 * @param territory     territory served by this instance ("paris"), or "national" for cross-territory services
 * @param mongodbUri    MongoDB connection string (the embedded store locally, a replica set in production)
 * @param mongodbDatabase database name
 * @param kafkaBootstrapServers Kafka bootstrap servers
 */
@ConfigurationProperties(prefix = "convergence")
public record PlatformProperties(String territory, String mongodbUri, String mongodbDatabase,
                                 String kafkaBootstrapServers) {

    public PlatformProperties {
        territory = territory == null ? "paris" : territory;
        mongodbUri = mongodbUri == null ? "mongodb://localhost:27017" : mongodbUri;
        kafkaBootstrapServers = kafkaBootstrapServers == null ? "localhost:9092" : kafkaBootstrapServers;
    }
}
