package fr.convergence.participant.accesslog;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AccessLogConfig {

    @Bean
    AccessLog accessLog(MongoDatabase database) {
        return new AccessLog(database.getCollection("access_log"), database.getCollection("access_reads"));
    }
}
