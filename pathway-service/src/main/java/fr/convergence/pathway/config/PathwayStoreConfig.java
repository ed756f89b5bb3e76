package fr.convergence.pathway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.pathway.publishing.PathwayContract;
import fr.convergence.pathway.publishing.PathwayOutbox;
import fr.convergence.pathway.store.OpenPathwayRegistry;
import fr.convergence.pathway.store.PathwayIndexer;
import fr.convergence.pathway.domain.Pathway;
import fr.convergence.pathway.store.AggregateSnapshots;
import fr.convergence.pathway.store.ChainVerifier;
import fr.convergence.pathway.store.StreamChunks;
import fr.convergence.pathway.store.HandlingAggregateCapture;
import fr.convergence.pathway.store.PublishedMarks;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import fr.convergence.pathway.store.StreamDocumentStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.Executors;

/** Wires the one-document-per-stream event storage, its outbox to Kafka, and a retrying command gateway. */
@Configuration
class PathwayStoreConfig {

    /** Jackson 2 for Axon's serializer (Axon 4 has no Jackson 3 serializer that works with its tokens). */
    @Bean
    ObjectMapper eventObjectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper eventObjectMapper) {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** One upcaster per revision step of a stored event, applied in order when a stream is read. */
    @Bean
    EventUpcaster weeklyHoursChangedUpcaster() {
        return new fr.convergence.pathway.store.upcasting.WeeklyHoursChangedUpcaster();
    }

    @Bean
    EventUpcaster participantExitedUpcaster() {
        return new fr.convergence.pathway.store.upcasting.ParticipantExitedUpcaster();
    }

    /**
     * The key of the streams' head seals (issue 21 finding 7): from PATHWAY_CHAIN_KEY (the deployment's secret
     * store, never MongoDB), or a development key file for a local run; with neither the service does not start.
     */
    @Bean
    fr.convergence.pathway.store.ChainSeal chainSeal(@org.springframework.beans.factory.annotation.Value("${pathway.chain-key:}") String key,
                                                     @org.springframework.beans.factory.annotation.Value("${pathway.chain-key-file:}") String file) {
        return new fr.convergence.pathway.store.ChainSeal(fr.convergence.kit.secrets.ConfiguredKey.load("PATHWAY_CHAIN_KEY", key,
                file.isBlank() ? null : java.nio.file.Path.of(file), 32));
    }

    @Bean
    StreamDocumentStore streamDocuments(MongoDatabase database) {
        return new StreamDocumentStore(database.getCollection("pathway_streams"));
    }

    @Bean
    StreamChunks streamChunks(MongoDatabase database) {
        return new StreamChunks(database.getCollection("pathway_stream_chunks"));
    }

    /**
     * Snapshots of the Pathway aggregate, kept in its hot document: Jackson on the aggregate's fields (it has no
     * getters, and needs none), merging into the collections its constructor made (a TreeMap stays sorted).
     */
    @Bean
    AggregateSnapshots aggregateSnapshots(List<EventUpcaster> upcasters, fr.convergence.pathway.store.ChainSeal seal) {
        ObjectMapper fields = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.ALL,
                        com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                        com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
                .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.CREATOR,
                        com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
        fields.configOverride(java.util.Map.class).setMergeable(true);
        fields.configOverride(List.class).setMergeable(true);
        return new AggregateSnapshots(Pathway.class,
                // the fields' fingerprint sees a changed shape; FOLD_VERSION a changed meaning of the same fields
                AggregateSnapshots.fingerprint(Pathway.class, "fr.convergence.pathway.domain", upcasters)
                        + ".fold" + fr.convergence.pathway.domain.PathwayState.FOLD_VERSION,
                JacksonSerializer.builder().objectMapper(fields).build(), seal);
    }

    @Bean
    StreamDocumentStorageEngine storageEngine(StreamDocumentStore documents, StreamChunks chunks,
                                              AggregateSnapshots snapshots, Serializer serializer,
                                              List<EventUpcaster> upcasters, ObjectProvider<PathwayOutbox> outbox,
                                              fr.convergence.pathway.store.ChainSeal seal) {
        return StreamDocumentStorageEngine.builder()
                .documents(documents)
                .chunks(chunks)
                .snapshots(snapshots)
                .seal(seal)
                .indexer(new PathwayIndexer())
                .onAppended(appended -> outbox.getObject().appended(appended))
                .eventSerializer(serializer)
                .snapshotSerializer(snapshots.serializer())
                .upcasterChain(new EventUpcasterChain(upcasters))
                .build();
    }

    @Bean
    OpenPathwayRegistry openPathwayRegistry(MongoDatabase database) {
        return new OpenPathwayRegistry(database.getCollection("pathway_open_claims"));
    }

    @Bean
    ChainVerifier chainVerifier(StreamDocumentStore documents, StreamChunks chunks,
                                fr.convergence.pathway.store.ChainSeal seal) {
        return new ChainVerifier(documents, chunks, seal);
    }

    /** The command's answer is built from the aggregate that handled it (no reload): see CommandContext. */
    @Bean
    HandlingAggregateCapture handlingAggregateCapture() {
        return new HandlingAggregateCapture();
    }

    @Bean(destroyMethod = "close")
    PathwayOutbox pathwayOutbox(StreamDocumentStorageEngine store, ObjectMapper eventObjectMapper,
                                IntegrationEventPublisher publisher, MeterRegistry meters,
                                @org.springframework.beans.factory.annotation.Value("${pathway.outbox.mark-interval-ms:100}") long markInterval) {
        return new PathwayOutbox(store, new PublishedMarks(store.documents(), markInterval),
                new PathwayContract(eventObjectMapper), publisher::publish, meters);
    }

    /** A concurrent command that lost the version race is retried on the fresh state before answering 409. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newScheduledThreadPool(1))
                        .maxRetryCount(5)
                        .retryInterval(5)
                        .build())
                .build();
    }

    /** Who recorded an event and the request's correlation id travel from the command to its events (audit). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider recordedBy() {
        return new SimpleCorrelationDataProvider("recordedBy");
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishWhatAPreviousRunLeft(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(PathwayOutbox.class).recoverPending();
    }
}
