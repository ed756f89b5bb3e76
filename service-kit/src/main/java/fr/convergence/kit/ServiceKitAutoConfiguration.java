package fr.convergence.kit;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.KafkaClients;
import fr.convergence.kit.web.BodySizeLimitFilter;
import fr.convergence.kit.web.CorrelationIdFilter;
import fr.convergence.kit.web.IdempotencyKeyFilter;
import fr.convergence.kit.web.IdempotencyKeys;
import fr.convergence.kit.web.ProblemHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.time.Clock;
import java.time.Duration;

/** Shared wiring of every servlet service. */
@AutoConfiguration
@EnableConfigurationProperties({PlatformProperties.class, fr.convergence.kit.kafka.KafkaSettings.class})
@Import({ProblemHandler.class, fr.convergence.kit.security.SecurityKitConfiguration.class,
        fr.convergence.kit.web.ContainerRefusals.class})
public class ServiceKitAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @org.springframework.beans.factory.annotation.Value("${convergence.max-request-bytes:1048576}") long maxBytes,
            tools.jackson.databind.json.JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * {@code Idempotency-Key} on writes, remembered in the service's own database. Ordered after Spring Security's
     * filter chain (order -100) so that the key is scoped by the authenticated user.
     */
    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(MongoDatabase database,
            tools.jackson.databind.json.JsonMapper json, MeterRegistry meters,
            @org.springframework.beans.factory.annotation.Value("${convergence.max-request-bytes:1048576}") long maxBytes,
            @org.springframework.beans.factory.annotation.Value("${convergence.idempotency.in-doubt-after:PT2M}") Duration inDoubtAfter,
            @org.springframework.beans.factory.annotation.Value("${convergence.idempotency.retention:P7D}") Duration retention) {
        IdempotencyKeys keys = new IdempotencyKeys(database.getCollection("idempotency_keys"), inDoubtAfter, retention,
                Clock.systemUTC());
        FilterRegistrationBean<IdempotencyKeyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyFilter(keys, json, meters, maxBytes));
        registration.setOrder(0);
        return registration;
    }

    /** The dead-letter store, its administration and API, in every service that declares how to replay a record. */
    @Bean
    @ConditionalOnBean(fr.convergence.kit.deadletter.DeadLetterReplay.class)
    @ConditionalOnMissingBean
    fr.convergence.kit.deadletter.DeadLetterStore deadLetterStore(MongoDatabase database, MeterRegistry meters) {
        return new fr.convergence.kit.deadletter.DeadLetterStore(database, meters, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(fr.convergence.kit.deadletter.DeadLetterReplay.class)
    fr.convergence.kit.deadletter.DeadLetterAdmin deadLetterAdmin(fr.convergence.kit.deadletter.DeadLetterStore store,
                                                                  fr.convergence.kit.deadletter.DeadLetterReplay replay) {
        return new fr.convergence.kit.deadletter.DeadLetterAdmin(store, replay);
    }

    @Bean
    @ConditionalOnBean(fr.convergence.kit.deadletter.DeadLetterReplay.class)
    fr.convergence.kit.deadletter.DeadLettersController deadLettersController(
            fr.convergence.kit.deadletter.DeadLetterAdmin admin) {
        return new fr.convergence.kit.deadletter.DeadLettersController(admin);
    }

    @Bean
    @ConditionalOnMissingBean
    ServedTerritories servedTerritories(PlatformProperties properties,
            @org.springframework.beans.factory.annotation.Value(EveryTerritory.TERRITORIES) String territories) {
        return new ServedTerritories(properties.territory(), territories);
    }

    /**
     * An instance serving every territory ({@code TERRITORIES=*}) learns them from the participant streams, from its
     * start (before it reports healthy) to its end; a listed set has no discovery.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    @org.springframework.context.annotation.Conditional(EveryTerritory.class)
    @ConditionalOnMissingBean
    fr.convergence.kit.kafka.TerritoryDiscovery territoryDiscovery(PlatformProperties properties,
            ServedTerritories served,
            @org.springframework.beans.factory.annotation.Value("${convergence.territory-discovery.refresh:PT5S}") Duration refresh,
            KafkaClients kafka) {
        return new fr.convergence.kit.kafka.TerritoryDiscovery(kafka, served, refresh);
    }

    @Bean
    @org.springframework.context.annotation.Conditional(EveryTerritory.class)
    fr.convergence.kit.kafka.ServedTerritoriesHealth servedTerritoriesHealthIndicator(ServedTerritories served,
            fr.convergence.kit.kafka.TerritoryDiscovery discovery) {
        return new fr.convergence.kit.kafka.ServedTerritoriesHealth(served, discovery);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient mongoClient(PlatformProperties properties) {
        return MongoConnections.open(properties.mongodbUri());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, PlatformProperties properties) {
        String name = properties.mongodbDatabase() != null ? properties.mongodbDatabase()
                : new ConnectionString(properties.mongodbUri()).getDatabase();
        return client.getDatabase(name != null ? name : "convergence");
    }

    /**
     * Every Kafka client of the instance is made by this one object, with the cluster's address and the instance's
     * TLS and SASL settings (issue 21 finding 6); wrong settings stop the start here.
     */
    @Bean
    @ConditionalOnMissingBean
    KafkaClients kafkaClients(PlatformProperties properties, fr.convergence.kit.kafka.KafkaSettings settings) {
        KafkaClients clients = new KafkaClients(properties.kafkaBootstrapServers(), settings);
        org.slf4j.LoggerFactory.getLogger(KafkaClients.class).info("{}", clients);
        return clients;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    IntegrationEventPublisher integrationEventPublisher(KafkaClients kafka, MeterRegistry meters) {
        return new IntegrationEventPublisher(kafka, meters);
    }
}
