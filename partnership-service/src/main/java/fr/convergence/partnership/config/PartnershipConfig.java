package fr.convergence.partnership.config;

import com.mongodb.client.MongoDatabase;
import fr.convergence.contracts.Topics;
import fr.convergence.kit.PlatformProperties;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.partnership.application.FollowUpService;
import fr.convergence.partnership.application.ParticipantHistory;
import fr.convergence.partnership.application.PartnerService;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.consuming.DeadLetterService;
import fr.convergence.partnership.consuming.PathwayEventConsumer;
import fr.convergence.partnership.consuming.PathwayEventHandler;
import fr.convergence.partnership.domain.DomainMapping;
import fr.convergence.partnership.publishing.PartnershipContract;
import fr.convergence.partnership.publishing.PartnershipOutbox;
import fr.convergence.partnership.store.DeadLetterStore;
import fr.convergence.partnership.store.FollowUpStore;
import fr.convergence.partnership.store.HistoryReadLog;
import fr.convergence.partnership.store.ParticipantStore;
import fr.convergence.partnership.store.PartnerStore;
import fr.convergence.partnership.store.ReferralStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wires stores, outbox, services and the pathway event consumer of this territory's instance. */
@Configuration
class PartnershipConfig {

    private static final Logger log = LoggerFactory.getLogger(PartnershipConfig.class);

    /** Calendar dates are Europe/Paris dates. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Paris"));
    }

    @Bean
    DomainMapping domainMapping(PartnershipProperties properties) {
        Map<String, String> table = new LinkedHashMap<>();
        properties.barrierDomains().forEach(row -> table.put(row.barrier(), row.partner()));
        if (table.isEmpty()) {
            throw new IllegalStateException("partnership.barrier-domains is empty: the mapping table is required");
        }
        return new DomainMapping(table);
    }

    @Bean
    PartnerStore partnerStore(MongoDatabase db) {
        return new PartnerStore(db);
    }

    @Bean
    ParticipantStore participantStore(MongoDatabase db) {
        return new ParticipantStore(db);
    }

    @Bean
    ReferralStore referralStore(MongoDatabase db, ParticipantStore participants) {
        return new ReferralStore(db, participants);
    }

    @Bean
    FollowUpStore followUpStore(MongoDatabase db) {
        return new FollowUpStore(db);
    }

    @Bean
    DeadLetterStore deadLetterStore(MongoDatabase db) {
        return new DeadLetterStore(db);
    }

    @Bean
    PartnershipContract partnershipContract(Clock clock) {
        return new PartnershipContract(clock);
    }

    @Bean(destroyMethod = "close")
    PartnershipOutbox partnershipOutbox(PartnerStore partners, ReferralStore referrals, IntegrationEventPublisher publisher,
                                        MeterRegistry meters) {
        return new PartnershipOutbox(List.of(partners.outboxCollection(), referrals.outboxCollection()), publisher, meters);
    }

    @Bean
    PartnerService partnerService(PlatformProperties platform, PartnerStore partners, PartnershipContract contract,
                                  PartnershipOutbox outbox, Clock clock) {
        return new PartnerService(platform.territory(), partners, contract, outbox, clock);
    }

    @Bean
    ReferralService referralService(PlatformProperties platform, ReferralStore referrals, PartnerStore partners,
                                    ParticipantStore participants, PartnershipContract contract, PartnershipOutbox outbox,
                                    DomainMapping mapping, PartnershipProperties properties, Clock clock) {
        return new ReferralService(platform.territory(), referrals, partners, participants, contract, outbox, mapping,
                Set.copyOf(properties.outcomeCodes()), clock);
    }

    @Bean
    HistoryReadLog historyReadLog(MongoDatabase db) {
        return new HistoryReadLog(db);
    }

    @Bean
    ParticipantHistory participantHistory(PlatformProperties platform, ParticipantStore participants,
                                          ReferralStore referrals, HistoryReadLog reads, Clock clock) {
        return new ParticipantHistory(platform.territory(), participants, referrals, reads, clock);
    }

    @Bean
    FollowUpService followUpService(PlatformProperties platform, FollowUpStore store, Clock clock) {
        return new FollowUpService(platform.territory(), store, clock);
    }

    @Bean
    PathwayEventHandler pathwayEventHandler(PlatformProperties platform, ParticipantStore participants,
                                            ReferralService referrals, DomainMapping mapping) {
        return new PathwayEventHandler(platform.territory(), participants, referrals, mapping);
    }

    @Bean
    DeadLetterService deadLetterService(DeadLetterStore store, PathwayEventHandler handler) {
        return new DeadLetterService(store, handler);
    }

    @Bean(destroyMethod = "close")
    PathwayEventConsumer pathwayEventConsumer(PlatformProperties platform, PartnershipProperties properties,
                                              PathwayEventHandler handler, DeadLetterStore deadLetters,
                                              MeterRegistry meters) {
        PartnershipProperties.Consumer c = properties.consumer();
        String group = c.groupId() == null || c.groupId().isBlank()
                ? "partnership-service." + platform.territory() : c.groupId();
        return new PathwayEventConsumer(platform.kafkaBootstrapServers(), Topics.pathway(platform.territory()), group,
                c.metadataMaxAgeMs() == null ? 5000 : c.metadataMaxAgeMs(), handler, deadLetters, meters);
    }

    /** Once the web server is up: publish what a crash left pending (one scan), then start consuming. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        PartnershipOutbox outbox = ready.getApplicationContext().getBean(PartnershipOutbox.class);
        outbox.recoverPending();
        PartnershipProperties properties = ready.getApplicationContext().getBean(PartnershipProperties.class);
        if (!Boolean.FALSE.equals(properties.consumer().enabled())) {
            ready.getApplicationContext().getBean(PathwayEventConsumer.class).start();
        } else {
            log.info("pathway event consumer disabled (partnership.consumer.enabled=false)");
        }
    }
}
