package fr.convergence.testing.archfixture.kafka;

import org.apache.kafka.clients.admin.Admin;

import java.util.Map;

/** Breaks the rule: an admin client made outside service-kit. */
public class OwnAdmin {

    public Admin open(String bootstrap) {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }
}
