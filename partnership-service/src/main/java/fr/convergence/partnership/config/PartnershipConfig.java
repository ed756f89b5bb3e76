package fr.convergence.partnership.config;

import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.deadletter.DeadLetterReplay;
import fr.convergence.kit.deadletter.DeadLetterStore;
import fr.convergence.partnership.consuming.PathwayEventReplay;
import fr.convergence.kit.ServedTerritories;
import fr.convergence.kit.kafka.IntegrationEventPublisher;
import fr.convergence.kit.kafka.TerritoryConsumers;
import fr.convergence.partnership.application.FollowUpService;
import fr.convergence.partnership.application.ParticipantErasure;
import fr.convergence.partnership.consuming.ParticipantEventHandler;
import fr.convergence.partnership.privacy.PersonalText;
import fr.convergence.partnership.privacy.PersonalTextKeys;
import fr.convergence.partnership.application.ParticipantHistory;
import fr.convergence.partnership.application.ParticipantNeeds;
import fr.convergence.partnership.application.PartnerService;
import fr.convergence.partnership.application.ReferralService;
import fr.convergence.partnership.consuming.PathwayEventConsumer;
import fr.convergence.partnership.consuming.PathwayEventHandler;
import fr.convergence.partnership.domain.DomainMapping;
import fr.convergence.partnership.domain.ReferralReasons;
import fr.convergence.partnership.publishing.PartnershipContract;
import fr.convergence.partnership.publishing.PartnershipOutbox;
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

/** Wires stores, outbox, services and the pathway event consumers of the territories this instance serves. */
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
    ReferralReasons referralReasons(PartnershipProperties properties) {
        if (properties.referralReasons().isEmpty()) {
            throw new IllegalStateException("partnership.referral-reasons is empty: the reason table is required");
        }
        return new ReferralReasons(properties.referralReasons().stream().map(r -> new ReferralReasons.Reason(r.code(),
                r.label(), r.steps() == null ? Set.of() : r.steps().stream().map(ReferralReasons.Step::valueOf)
                        .collect(java.util.stream.Collectors.toSet()))).toList());
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

    /**
     * Each person's data key for the personal text kept here, in a database of its own ({@code <database>_keys}):
     * erasure destroys the key, so backups of the data database hold nothing readable about an erased person.
     */
    @Bean
    PersonalText personalText(com.mongodb.client.MongoClient client, MongoDatabase db) {
        return new PersonalText(new PersonalTextKeys(client.getDatabase(db.getName() + "_keys").getCollection("personal_keys")));
    }

    @Bean
    FollowUpStore followUpStore(MongoDatabase db, PersonalText text) {
        return new FollowUpStore(db, text);
    }

    @Bean
    ParticipantErasure participantErasure(ParticipantStore participants, ReferralStore referrals, FollowUpStore groups,
                                          Clock clock) {
        return new ParticipantErasure(participants, referrals, groups, clock);
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
    PartnerService partnerService(ServedTerritories served, PartnerStore partners, PartnershipContract contract,
                                  PartnershipOutbox outbox, Clock clock) {
        return new PartnerService(served, partners, contract, outbox, clock);
    }

    @Bean
    ReferralService referralService(ServedTerritories served, ReferralStore referrals, PartnerStore partners,
                                    ParticipantStore participants, PartnershipContract contract, PartnershipOutbox outbox,
                                    DomainMapping mapping, PartnershipProperties properties, Clock clock) {
        return new ReferralService(served, referrals, partners, participants, contract, outbox, mapping,
                Set.copyOf(properties.outcomeCodes()), clock);
    }

    @Bean
    ParticipantNeeds participantNeeds(ParticipantStore participants) {
        return new ParticipantNeeds(participants);
    }

    @Bean
    HistoryReadLog historyReadLog(MongoDatabase db) {
        return new HistoryReadLog(db);
    }

    @Bean
    ParticipantHistory participantHistory(ParticipantStore participants, ReferralStore referrals, HistoryReadLog reads,
                                          Clock clock) {
        return new ParticipantHistory(participants, referrals, reads, clock);
    }

    @Bean
    FollowUpService followUpService(FollowUpStore store, Clock clock) {
        return new FollowUpService(store, clock);
    }

    @Bean
    PathwayEventHandler pathwayEventHandler(ServedTerritories served, ParticipantStore participants,
                                            ReferralService referrals, DomainMapping mapping, ParticipantErasure erasure) {
        return new PathwayEventHandler(served, participants, referrals, mapping, new ParticipantEventHandler(erasure));
    }

    /** How a parked pathway event is applied again; service-kit keeps the letters and their admin API. */
    @Bean
    DeadLetterReplay pathwayEventReplay(PathwayEventHandler handler) {
        return new PathwayEventReplay(handler);
    }

    /**
     * One consumer per served territory, each in group {@code partnership-service.<territory>} (service-kit's
     * {@link TerritoryConsumers}: a territory's offsets stay the same whether it shares an instance or runs its own,
     * and one territory's poison or backlog never holds up another's). An instance serving every territory
     * ({@code TERRITORIES=*}) starts one more for each territory opened while it runs; a named group then always takes
     * the territory as suffix, since its set may grow.
     */
    @Bean(destroyMethod = "close")
    TerritoryConsumers pathwayEventConsumers(fr.convergence.kit.kafka.KafkaClients kafka, ServedTerritories served,
                                             PartnershipProperties properties, PathwayEventHandler handler,
                                             DeadLetterStore deadLetters, MeterRegistry meters) {
        PartnershipProperties.Consumer c = properties.consumer();
        boolean named = c.groupId() != null && !c.groupId().isBlank();
        int metadataMaxAgeMs = c.metadataMaxAgeMs() == null ? 5000 : c.metadataMaxAgeMs();
        return new TerritoryConsumers(served, territory -> {
            String group = !named ? "partnership-service." + territory
                    : !served.growing() && served.all().size() == 1 ? c.groupId() : c.groupId() + "." + territory;
            return PathwayEventConsumer.create(kafka, territory, group, metadataMaxAgeMs, handler, deadLetters, meters);
        });
    }

    /** Once the web server is up: publish what a crash left pending (one scan), then start consuming. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        PartnershipOutbox outbox = ready.getApplicationContext().getBean(PartnershipOutbox.class);
        outbox.recoverPending();
        PartnershipProperties properties = ready.getApplicationContext().getBean(PartnershipProperties.class);
        if (!Boolean.FALSE.equals(properties.consumer().enabled())) {
            ready.getApplicationContext().getBean(TerritoryConsumers.class).start();
        } else {
            log.info("pathway event consumer disabled (partnership.consumer.enabled=false)");
        }
    }
}
