package fr.convergence.participant.publishing;

import fr.convergence.kit.kafka.IntegrationEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class PublishingConfig {

    @Bean
    EventClock eventClock() {
        return new EventClock(Clock.systemUTC());
    }

    @Bean
    ParticipantContract participantContract() {
        return new ParticipantContract();
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(IntegrationEventPublisher publisher, MeterRegistry meters) {
        return new OutboxRelay(publisher, meters);
    }
}
