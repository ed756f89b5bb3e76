package fr.convergence.testing.archfixture.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.util.Properties;

/** Breaks the rule: a consumer made with a bootstrap address alone, outside service-kit. */
public class OwnConsumer {

    public KafkaConsumer<String, String> open(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return new KafkaConsumer<>(p);
    }
}
